import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { inventoryCounts, inventoryScanInstances, inventoryScans } from "../schema";
import type { Executor } from "./executor";

export type InventoryScanRow = typeof inventoryScans.$inferSelect;
export type InventoryScanInstanceRow = typeof inventoryScanInstances.$inferSelect;
export type InventoryCountRow = typeof inventoryCounts.$inferSelect;
export type InventoryScanInstanceStatus = InventoryScanInstanceRow["status"];

/** A scan and its instances, each `pending`, in the caller's transaction (with their jobs). */
export async function insertInventoryScan(tx: Executor, scan: { id: string; startedBy: string; startedAt: Date; instanceIds: string[] }): Promise<void> {
  await tx.insert(inventoryScans).values({ id: scan.id, startedBy: scan.startedBy, startedAt: scan.startedAt });
  if (scan.instanceIds.length === 0) return;
  await tx.insert(inventoryScanInstances).values(scan.instanceIds.map((instanceId) => ({ scanId: scan.id, instanceId, status: "pending" as const })));
}

export async function getInventoryScanInstance(tx: Executor, scanId: string, instanceId: string): Promise<InventoryScanInstanceRow | null> {
  const [row] = await tx
    .select()
    .from(inventoryScanInstances)
    .where(and(eq(inventoryScanInstances.scanId, scanId), eq(inventoryScanInstances.instanceId, instanceId)));
  return row ?? null;
}

/**
 * An instance's part of a scan finished: its counts (replacing any a retried job wrote) and its
 * status, in the caller's transaction.
 */
export async function finishInventoryScanInstance(
  tx: Executor,
  result: {
    scanId: string;
    instanceId: string;
    status: Exclude<InventoryScanInstanceStatus, "pending">;
    error?: string | null;
    finishedAt: Date;
    counts?: { recordType: string; count: number; exact: boolean }[];
  },
): Promise<void> {
  const { scanId, instanceId } = result;
  await tx.delete(inventoryCounts).where(and(eq(inventoryCounts.scanId, scanId), eq(inventoryCounts.instanceId, instanceId)));
  const counts = result.counts ?? [];
  if (counts.length > 0) {
    await tx.insert(inventoryCounts).values(counts.map((count) => ({ scanId, instanceId, ...count, countedAt: result.finishedAt })));
  }
  await tx
    .update(inventoryScanInstances)
    .set({ status: result.status, error: result.error ?? null, finishedAt: result.finishedAt })
    .where(and(eq(inventoryScanInstances.scanId, scanId), eq(inventoryScanInstances.instanceId, instanceId)));
}

export interface InventoryScanDetail {
  scan: InventoryScanRow;
  instances: InventoryScanInstanceRow[];
  counts: InventoryCountRow[];
}

/** The most recent scan with its instances and counts, or null before the first. */
export async function getLatestInventoryScan(tx: Executor): Promise<InventoryScanDetail | null> {
  const [scan] = await tx.select().from(inventoryScans).orderBy(desc(inventoryScans.startedAt), desc(inventoryScans.id)).limit(1);
  return scan ? detailOf(tx, scan) : null;
}

/** One scan with its instances and counts, or null when there is none with that id. */
export async function getInventoryScan(tx: Executor, scanId: string): Promise<InventoryScanDetail | null> {
  const [scan] = await tx.select().from(inventoryScans).where(eq(inventoryScans.id, scanId));
  return scan ? detailOf(tx, scan) : null;
}

async function detailOf(tx: Executor, scan: InventoryScanRow): Promise<InventoryScanDetail> {
  const instances = await tx.select().from(inventoryScanInstances).where(eq(inventoryScanInstances.scanId, scan.id));
  const counts = await tx.select().from(inventoryCounts).where(eq(inventoryCounts.scanId, scan.id));
  return { scan, instances, counts };
}

/**
 * Per instance and record type, the most recent count any scan took: a failed instance in the
 * latest scan still shows what an earlier scan counted, with its time.
 */
export async function listLatestInventoryCounts(tx: Executor, instanceIds: string[]): Promise<InventoryCountRow[]> {
  if (instanceIds.length === 0) return [];
  return tx
    .selectDistinctOn([inventoryCounts.instanceId, inventoryCounts.recordType])
    .from(inventoryCounts)
    .where(inArray(inventoryCounts.instanceId, instanceIds))
    .orderBy(inventoryCounts.instanceId, inventoryCounts.recordType, desc(inventoryCounts.countedAt), sql`${inventoryCounts.scanId}`);
}
