import { bigint, jsonb, pgTable, text, timestamp, uuid, index } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained audit log (the runtime hashes each entry onto the head). `seq` is
 * assigned by the writer under an advisory lock so the chain has exactly one order.
 * Payloads hold ids and counts, never plaintext identifiers of a subject.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    requestId: uuid("request_id"),
    payload: jsonb("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_request_idx").on(t.requestId)],
);
