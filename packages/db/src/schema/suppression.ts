import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Lethe's memory of people it erased, without their identifiers (issue 4, "Minimisation"): each
 * identifier of a minimised request as HMAC-SHA-256(key, kind ":" value), key from configuration.
 * A later locate that meets one of these hashes (a restored backup) is flagged.
 */
export const suppressedIdentifiers = pgTable(
  "suppressed_identifiers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    kind: text("kind").notNull(),
    identifierHash: text("identifier_hash").notNull(),
    /** The request that erased the person (kept, with no plaintext identifier left in it). */
    requestId: uuid("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("suppressed_identifiers_unique").on(t.kind, t.identifierHash)],
);
