import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { retentionRunItems, retentionRuns } from "../schema";
import type { Executor } from "./executor";

export type RetentionRunRow = typeof retentionRuns.$inferSelect;
export type NewRetentionRun = typeof retentionRuns.$inferInsert;
export type RetentionRunItemRow = typeof retentionRunItems.$inferSelect;
export type NewRetentionRunItem = typeof retentionRunItems.$inferInsert;

export async function insertRetentionRun(tx: Executor, run: NewRetentionRun): Promise<RetentionRunRow> {
  const [row] = await tx.insert(retentionRuns).values(run).returning();
  if (!row) throw new Error("inserting a retention run returned no row");
  return row;
}

export async function updateRetentionRun(
  tx: Executor,
  id: string,
  changes: Partial<Pick<NewRetentionRun, "status" | "counts" | "error" | "finishedAt" | "confirmRounds" | "cutoff">>,
): Promise<void> {
  await tx.update(retentionRuns).set(changes).where(eq(retentionRuns.id, id));
}

export async function getRetentionRun(tx: Executor, id: string): Promise<RetentionRunRow | undefined> {
  const [row] = await tx.select().from(retentionRuns).where(eq(retentionRuns.id, id));
  return row;
}

/** Newest first; one schedule's when `scheduleId` is given. */
export function listRetentionRuns(tx: Executor, filter: { scheduleId?: string; kind?: string; limit?: number } = {}): Promise<RetentionRunRow[]> {
  const where = and(
    filter.scheduleId ? eq(retentionRuns.scheduleId, filter.scheduleId) : undefined,
    filter.kind ? eq(retentionRuns.kind, filter.kind) : undefined,
  );
  return tx
    .select()
    .from(retentionRuns)
    .where(where)
    .orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id))
    .limit(filter.limit ?? 100);
}

/** Stores found items; an item already stored for the run (a resumed page) is left as it is. */
export async function insertRetentionRunItems(tx: Executor, items: readonly NewRetentionRunItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(retentionRunItems).values([...items]).onConflictDoNothing();
}

export function listRetentionRunItems(tx: Executor, runId: string): Promise<RetentionRunItemRow[]> {
  return tx
    .select()
    .from(retentionRunItems)
    .where(eq(retentionRunItems.runId, runId))
    .orderBy(asc(retentionRunItems.recordType), asc(retentionRunItems.recordId));
}

/** Records one receipt on its item. */
export async function recordRetentionReceipt(
  tx: Executor,
  runId: string,
  receipt: { recordType: string; recordId: string; outcome: string; detail: string | null; pending: unknown },
): Promise<void> {
  await tx
    .update(retentionRunItems)
    .set({ outcome: receipt.outcome, detail: receipt.detail, pending: receipt.pending ?? null, updatedAt: new Date() })
    .where(
      and(
        eq(retentionRunItems.runId, runId),
        eq(retentionRunItems.recordType, receipt.recordType),
        eq(retentionRunItems.recordId, receipt.recordId),
      ),
    );
}

/** How many items of a run have each action and each outcome: the run's counts. */
export async function countRetentionRunItems(tx: Executor, runId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ action: retentionRunItems.action, outcome: retentionRunItems.outcome, count: sql<number>`count(*)::int` })
    .from(retentionRunItems)
    .where(eq(retentionRunItems.runId, runId))
    .groupBy(retentionRunItems.action, retentionRunItems.outcome);
  const counts: Record<string, number> = { found: 0, erase: 0, keep: 0 };
  for (const row of rows) {
    counts.found = (counts.found ?? 0) + row.count;
    counts[row.action] = (counts[row.action] ?? 0) + row.count;
    if (row.outcome) counts[row.outcome] = (counts[row.outcome] ?? 0) + row.count;
  }
  return counts;
}

/** Runs of these ids still waiting on something (queued, running or confirming). */
export function unfinishedRetentionRuns(tx: Executor, scheduleIds: readonly string[]): Promise<RetentionRunRow[]> {
  if (scheduleIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(retentionRuns)
    .where(and(inArray(retentionRuns.scheduleId, [...scheduleIds]), inArray(retentionRuns.status, ["queued", "running", "confirming"])));
}
