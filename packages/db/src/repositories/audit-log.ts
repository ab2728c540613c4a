import { asc, desc, sql } from "drizzle-orm";
import { advisoryLockNamespace } from "../advisory-locks";
import { auditLog } from "../schema";
import type { Executor } from "./executor";

/** The audit chain's writer lock, in @lethe/db's two-int advisory key space. */
const auditAppendLockKey = 100;

/** What a jsonb payload holds. */
export type AuditPayload = string | number | boolean | null | AuditPayload[] | { [key: string]: AuditPayload };

/**
 * One row of the audit log as the chain reads it: `at` as `Date#toISOString` writes it, the
 * request id as the uuid column returns it. The hashing rules are not the database's; whoever
 * appends computes `hash` (the runtime, with the engine's audit-chain rules).
 */
export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  requestId: string | null;
  payload: AuditPayload;
  prevHash: string;
  hash: string;
}

/**
 * Appends one entry to the hash chain, inside the caller's transaction so that the entry exists
 * if and only if the change it describes does. `next` builds the entry from the current head
 * (null for an empty log): the caller chains and hashes it, this function only orders and stores.
 *
 * A transaction-scoped advisory lock serialises writers: each reads the head, chains onto it and
 * inserts `seq = head + 1` while no other writer can, so the chain has exactly one order and
 * never forks. The lock is released at commit or rollback; a writer that rolls back leaves no gap.
 * Take it last in a transaction (after any row locks) to keep lock order one-way.
 */
export async function appendAuditRecord<Entry extends AuditRecord>(
  tx: Executor,
  next: (head: AuditRecord | null) => Entry,
): Promise<Entry> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLockNamespace}::int, ${auditAppendLockKey}::int)`);
  const [head] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const entry = next(head ? toAuditRecord(head) : null);
  const expectedSeq = head ? head.seq + 1 : 1;
  if (entry.seq !== expectedSeq) {
    throw new Error(`an audit entry appended after seq ${expectedSeq - 1} must have seq ${expectedSeq}, not ${entry.seq}`);
  }
  await tx.insert(auditLog).values({
    seq: entry.seq,
    at: new Date(entry.at),
    actor: entry.actor,
    action: entry.action,
    requestId: entry.requestId,
    payload: entry.payload,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
  return entry;
}

/** The whole chain in order (or a window of it), as core's `verifyAuditChain` reads it. */
export async function readAuditLog(
  tx: Executor,
  window: { fromSeq?: number; limit?: number } = {},
): Promise<AuditRecord[]> {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(window.fromSeq === undefined ? undefined : sql`${auditLog.seq} >= ${window.fromSeq}`)
    .orderBy(asc(auditLog.seq))
    .limit(window.limit ?? Number.MAX_SAFE_INTEGER);
  return rows.map(toAuditRecord);
}

function toAuditRecord(row: typeof auditLog.$inferSelect): AuditRecord {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    requestId: row.requestId,
    // jsonb holds JSON by construction; verifying the chain re-hashes it, so nothing is trusted.
    payload: row.payload as AuditPayload,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
