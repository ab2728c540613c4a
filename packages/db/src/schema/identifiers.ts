import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/**
 * The subject's identifiers for one request, normalised, with where each came from
 * (`given` by the requester, `verified`, or `discovered` on a record in a connected system).
 */
export const subjectIdentifiers = pgTable(
  "subject_identifiers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    /** For connector-native ids: the connector id the value belongs to; '' otherwise. */
    system: text("system").notNull().default(""),
    provenance: text("provenance").notNull(),
    strength: text("strength").notNull(),
    /** For discovered identifiers: the instance and record they were found on. */
    source: jsonb("source"),
    /** The locate round it was discovered in (0 for given identifiers). */
    round: integer("round").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subject_identifiers_unique").on(t.requestId, t.kind, t.system, t.value)],
);
