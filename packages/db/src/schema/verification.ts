import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/**
 * Identity verification of a request's subject (Art. 12(6)): staff attestation, or a one-time
 * code sent through a pluggable sender. Only the code's hash is kept. A request in `verifying`
 * does nothing else; an access or portability request never runs unverified.
 */
export const identityVerifications = pgTable("identity_verifications", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => requests.id, { onDelete: "cascade" }),
  /** attestation | email_code */
  method: text("method").notNull(),
  /** pending | verified | failed */
  status: text("status").notNull(),
  codeHash: text("code_hash"),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  verifiedBy: text("verified_by"),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
