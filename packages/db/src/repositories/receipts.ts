import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { receipts } from "../schema";
import type { Executor } from "./executor";

export type ReceiptRow = typeof receipts.$inferSelect;
/** `release`: the erasure of a record a legal hold kept, run when the hold ended. */
export type ReceiptPhase = "export" | "erase" | "confirm" | "verify" | "release" | "rectify" | "restrict";

export interface NewReceipt {
  requestId: string;
  instanceId: string;
  connectorId: string;
  connectorVersion: string;
  recordType: string;
  recordId: string;
  phase: ReceiptPhase;
  outcome: string;
  detail?: string | null;
  pendingJobId?: string | null;
  hold?: unknown;
}

/**
 * Records what was done to one record. The unique (request, instance, record, phase) key makes
 * this the idempotency key of erasure: the first receipt of a record wins, and a job re-run
 * after a crash neither duplicates it nor overwrites what was proven the first time.
 * Returns whether this call inserted the row.
 */
export async function insertReceipt(tx: Executor, receipt: NewReceipt): Promise<boolean> {
  return (await insertReceipts(tx, [receipt])) > 0;
}

/** `insertReceipt` for many records in one statement; returns how many rows it inserted. */
export async function insertReceipts(tx: Executor, batch: readonly NewReceipt[]): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = await tx
    .insert(receipts)
    .values(
      batch.map((receipt) => ({
        requestId: receipt.requestId,
        instanceId: receipt.instanceId,
        connectorId: receipt.connectorId,
        connectorVersion: receipt.connectorVersion,
        recordType: receipt.recordType,
        recordId: receipt.recordId,
        phase: receipt.phase,
        outcome: receipt.outcome,
        detail: receipt.detail ?? null,
        pendingJobId: receipt.pendingJobId ?? null,
        hold: receipt.hold ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: receipts.id });
  return rows.length;
}

export async function listReceipts(
  tx: Executor,
  filter: { requestId: string; instanceId?: string; phase?: ReceiptPhase },
): Promise<ReceiptRow[]> {
  const conditions: SQL[] = [eq(receipts.requestId, filter.requestId)];
  if (filter.instanceId) conditions.push(eq(receipts.instanceId, filter.instanceId));
  if (filter.phase) conditions.push(eq(receipts.phase, filter.phase));
  return tx
    .select()
    .from(receipts)
    .where(and(...conditions))
    .orderBy(asc(receipts.id));
}

/** Receipt counts per instance, phase and outcome. */
export async function countReceipts(
  tx: Executor,
  requestId: string,
): Promise<Array<{ instanceId: string; phase: string; outcome: string; count: number }>> {
  return tx
    .select({
      instanceId: receipts.instanceId,
      phase: receipts.phase,
      outcome: receipts.outcome,
      count: sql<number>`count(*)::int`,
    })
    .from(receipts)
    .where(eq(receipts.requestId, requestId))
    .groupBy(receipts.instanceId, receipts.phase, receipts.outcome);
}
