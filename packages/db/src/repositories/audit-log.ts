import { asc, desc, isNotNull, isNull, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { advisoryLockNamespace } from "../advisory-locks";
import { auditLog } from "../schema";
import type { Executor } from "./executor";

/** The audit chain's sealer lock, in @lethe/db's two-int advisory key space. */
const auditSealLockKey = 100;

/** What a jsonb payload holds. */
export type AuditPayload = string | number | boolean | null | AuditPayload[] | { [key: string]: AuditPayload };

/** What an entry says: `at` as `Date#toISOString` writes it, the request id as the uuid column returns it. */
export interface AuditContent {
  at: string;
  actor: string;
  action: string;
  requestId: string | null;
  payload: AuditPayload;
}

/** An entry as its writer inserted it: content and insertion number, no place in the chain yet. */
export interface UnsealedAuditRecord extends AuditContent {
  id: number;
}

/**
 * One sealed entry of the audit log as the chain reads it. The hashing rules are not the
 * database's; the sealer computes `hash` (the runtime, with the engine's audit-chain rules).
 */
export interface AuditRecord extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The chain position the sealer gives an unsealed entry. */
export interface AuditSeal {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Appends one entry, unsealed, inside the caller's transaction so that the entry exists if and
 * only if the change it describes does. One INSERT and no lock: concurrent writers never wait for
 * each other. The entry gets its chain position later from `sealAuditRecords`, once committed.
 */
export async function appendAuditRecord(tx: Executor, content: AuditContent): Promise<UnsealedAuditRecord> {
  const [entry] = await appendAuditRecords(tx, [content]);
  if (!entry) throw new Error("inserting an audit entry returned no row");
  return entry;
}

/** Appends several entries, unsealed, in one multi-row INSERT (in this order of `id`). */
export async function appendAuditRecords(tx: Executor, contents: readonly AuditContent[]): Promise<UnsealedAuditRecord[]> {
  if (contents.length === 0) return [];
  const rows = await tx
    .insert(auditLog)
    .values(contents.map((content) => ({ at: new Date(content.at), actor: content.actor, action: content.action, requestId: content.requestId, payload: content.payload })))
    .returning({ id: auditLog.id });
  return rows.map((row, index) => ({ id: row.id, ...(contents[index] as AuditContent) }));
}

/**
 * Opens a sealing round in the caller's (short) transaction: takes the sealer's advisory lock,
 * so that exactly one sealer extends the chain at a time, then reads — in one statement, with a
 * snapshot taken after the lock — the chain's head and up to `limit` committed unsealed entries
 * in insertion order. Entries of transactions still open are not visible and wait for a later round.
 */
export async function readAuditSealingRound(
  tx: Executor,
  limit: number,
): Promise<{ head: AuditRecord | null; unsealed: UnsealedAuditRecord[] }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLockNamespace}::int, ${auditSealLockKey}::int)`);
  const rows = await unionAll(
    tx.select().from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1),
    tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(limit),
  );
  const head = rows.find((row) => row.seq !== null);
  const unsealed = rows.filter((row) => row.seq === null).sort((a, b) => a.id - b.id);
  return {
    head: head ? toAuditRecord(head) : null,
    unsealed: unsealed.map((row) => ({ id: row.id, ...toAuditContent(row) })),
  };
}

/**
 * Writes the chain positions of one sealing round, in one statement. Only within the round's
 * transaction (after `readAuditSealingRound`): an entry already sealed is never sealed again, and
 * a seal that does not apply to every entry given aborts the round.
 */
export async function sealAuditRecords(tx: Executor, seals: readonly AuditSeal[]): Promise<void> {
  if (seals.length === 0) return;
  // One parameter whatever the round's size, and one statement text for every round.
  const result = await tx.execute(sql`
    update ${auditLog} set seq = sealed.seq, prev_hash = sealed."prevHash", hash = sealed.hash
    from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as sealed(id bigint, seq bigint, "prevHash" text, hash text)
    where ${auditLog.id} = sealed.id and ${auditLog.seq} is null`);
  if (result.count !== seals.length) {
    throw new Error(`sealing ${seals.length} audit entries updated ${result.count}; the round is abandoned`);
  }
}

/** The sealed chain in order (or a window of it), as core's `verifyAuditChain` reads it. Seal first to include recent entries. */
export async function readAuditLog(
  tx: Executor,
  window: { fromSeq?: number; limit?: number } = {},
): Promise<AuditRecord[]> {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(window.fromSeq === undefined ? isNotNull(auditLog.seq) : sql`${auditLog.seq} >= ${window.fromSeq}`)
    .orderBy(asc(auditLog.seq))
    .limit(window.limit ?? Number.MAX_SAFE_INTEGER);
  return rows.map(toAuditRecord);
}

/** A sealed row as the chain reads it (unsealed rows have no place in it). */
export function toAuditRecord(row: typeof auditLog.$inferSelect): AuditRecord {
  if (row.seq === null || row.prevHash === null || row.hash === null) {
    throw new Error(`audit entry ${row.id} is not sealed`);
  }
  return { seq: row.seq, ...toAuditContent(row), prevHash: row.prevHash, hash: row.hash };
}

function toAuditContent(row: typeof auditLog.$inferSelect): AuditContent {
  return {
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    requestId: row.requestId,
    // jsonb holds JSON by construction; verifying the chain re-hashes it, so nothing is trusted.
    payload: row.payload as AuditPayload,
  };
}
