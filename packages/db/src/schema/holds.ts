import { sql } from "drizzle-orm";
import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A legal hold (docs/domain.md, Art. 17(3)): records it covers are retained — or, where
 * `redactNonEssential` says so, kept with their non-essential personal data redacted — and the
 * receipt names the hold and its basis. Scopes and their `selector`:
 * - person: `{ identifierHashes: string[] }` keyed HMACs of the person's identifiers (no plaintext);
 * - record: `{ instanceId, recordType, recordId }`;
 * - case:   `{ caseId }`, matched against the record's facts (`caseIds`, `tags`);
 * - rule:   `{ connectorId?, recordType?, tag?, retainYears, from: "occurredAt" }`, e.g. recordings
 *   of calls tagged `transaction`, 5 years from the call (MiFID II Art. 16(7)).
 * A hold ends by `endedAt` (released by a person) or `expiresAt`; a rule hold also releases each
 * record when its own retention runs out. Either way the pending erasure runs by itself.
 */
export const legalHolds = pgTable("legal_holds", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  scope: text("scope").notNull(),
  title: text("title").notNull(),
  basis: text("basis").notNull(),
  owner: text("owner").notNull(),
  selector: jsonb("selector").notNull(),
  redactNonEssential: boolean("redact_non_essential").notNull().default(false),
  reviewAt: timestamp("review_at", { withTimezone: true }),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  endedAt: timestamp("ended_at", { withTimezone: true }),
  endedBy: text("ended_by"),
  endReason: text("end_reason"),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
