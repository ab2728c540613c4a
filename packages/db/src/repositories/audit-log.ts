import { chainAuditEntry, type AuditEntry, type AuditEntryInput } from "@lethe/core";
import { asc, desc, sql } from "drizzle-orm";
import { advisoryLockNamespace } from "../advisory-locks";
import { auditLog } from "../schema";
import type { Executor } from "./executor";

/** The audit chain's writer lock, in @lethe/db's two-int advisory key space. */
const auditAppendLockKey = 100;

export interface AuditInput {
  /** Who did it: a user id, `system`, `worker`, `cli`. */
  actor: string;
  /** What happened, dotted: `request.filed`, `erase.completed`, `connector_instance.created`. */
  action: string;
  requestId?: string | null;
  /** Ids and counts only — never a subject's plaintext identifiers or any secret. */
  payload: AuditEntryInput["payload"];
}

/**
 * Appends one entry to the hash chain, inside the caller's transaction so that the entry exists
 * if and only if the change it describes does.
 *
 * A transaction-scoped advisory lock serialises writers: each reads the head, chains onto it and
 * inserts `seq = head + 1` while no other writer can, so the chain has exactly one order and
 * never forks. The lock is released at commit or rollback; a writer that rolls back leaves no gap.
 * Take it last in a transaction (after any row locks) to keep lock order one-way.
 */
export async function appendAudit(tx: Executor, input: AuditInput): Promise<AuditEntry> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLockNamespace}::int, ${auditAppendLockKey}::int)`);
  const [head] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const entry = chainAuditEntry(head ? toAuditEntry(head) : null, {
    at: new Date(),
    actor: input.actor,
    action: input.action,
    requestId: input.requestId ?? null,
    payload: input.payload,
  });
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
): Promise<AuditEntry[]> {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(window.fromSeq === undefined ? undefined : sql`${auditLog.seq} >= ${window.fromSeq}`)
    .orderBy(asc(auditLog.seq))
    .limit(window.limit ?? Number.MAX_SAFE_INTEGER);
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    requestId: row.requestId,
    // jsonb holds JSON by construction; verifyAuditChain re-hashes it, so nothing is trusted.
    payload: row.payload as AuditEntry["payload"],
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
