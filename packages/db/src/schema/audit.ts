import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained audit log. A writer inserts an entry's content only (one INSERT in its
 * own transaction, no lock); `id` numbers entries in insertion order. The sealer (runtime) later
 * gives committed entries their place in the chain — `seq`, `prev_hash`, `hash` — in one short
 * transaction under an advisory lock, so the chain has exactly one order (see docs/audit-chain.md).
 * Until then those three are null. Payloads hold ids and counts, never plaintext identifiers of a subject.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint("seq", { mode: "number" }),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    requestId: uuid("request_id"),
    payload: jsonb("payload").notNull(),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_request_idx").on(t.requestId),
    // One entry per chain position: two sealers can never both take the same one.
    uniqueIndex("audit_log_seq_idx").on(t.seq),
    // What the sealer reads: the (few) entries not sealed yet, in insertion order.
    index("audit_log_unsealed_idx").on(t.id).where(sql`${t.seq} is null`),
    // An entry is sealed all at once or not at all.
    check(
      "audit_log_sealed_whole",
      sql`(${t.seq} is null and ${t.prevHash} is null and ${t.hash} is null) or (${t.seq} is not null and ${t.prevHash} is not null and ${t.hash} is not null)`,
    ),
  ],
);
