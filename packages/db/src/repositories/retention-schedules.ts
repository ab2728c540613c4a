import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import { retentionApprovals, retentionSchedules } from "../schema";
import type { Executor } from "./executor";

export type RetentionScheduleRow = typeof retentionSchedules.$inferSelect;
export type NewRetentionSchedule = typeof retentionSchedules.$inferInsert;
export type RetentionApprovalRow = typeof retentionApprovals.$inferSelect;

export async function insertRetentionSchedule(tx: Executor, schedule: NewRetentionSchedule): Promise<RetentionScheduleRow> {
  const [row] = await tx.insert(retentionSchedules).values(schedule).returning();
  if (!row) throw new Error("inserting a retention schedule returned no row");
  return row;
}

export async function updateRetentionSchedule(
  tx: Executor,
  id: string,
  changes: Partial<Omit<NewRetentionSchedule, "id" | "createdAt" | "createdBy">>,
): Promise<RetentionScheduleRow | undefined> {
  const [row] = await tx
    .update(retentionSchedules)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(retentionSchedules.id, id))
    .returning();
  return row;
}

export async function deleteRetentionSchedule(tx: Executor, id: string): Promise<boolean> {
  const deleted = await tx.delete(retentionSchedules).where(eq(retentionSchedules.id, id)).returning({ id: retentionSchedules.id });
  return deleted.length > 0;
}

/** Schedules from the file that the file no longer lists (`keep`: the names it does list). */
export async function deleteFileSchedulesExcept(tx: Executor, keep: readonly string[]): Promise<RetentionScheduleRow[]> {
  const fromFile = eq(retentionSchedules.source, "file");
  return tx
    .delete(retentionSchedules)
    .where(keep.length > 0 ? and(fromFile, notInArray(retentionSchedules.name, [...keep])) : fromFile)
    .returning();
}

export async function getRetentionSchedule(tx: Executor, id: string): Promise<RetentionScheduleRow | undefined> {
  const [row] = await tx.select().from(retentionSchedules).where(eq(retentionSchedules.id, id));
  return row;
}

export async function getRetentionScheduleByName(tx: Executor, name: string): Promise<RetentionScheduleRow | undefined> {
  const [row] = await tx.select().from(retentionSchedules).where(eq(retentionSchedules.name, name));
  return row;
}

export function listRetentionSchedules(tx: Executor): Promise<RetentionScheduleRow[]> {
  return tx.select().from(retentionSchedules).orderBy(asc(retentionSchedules.name));
}

export async function insertRetentionApproval(
  tx: Executor,
  approval: { scheduleId: string; fingerprint: string; previewRunId: string; approvedBy: string; approvedAt: Date },
): Promise<RetentionApprovalRow> {
  const [row] = await tx
    .insert(retentionApprovals)
    .values(approval)
    .onConflictDoUpdate({
      target: [retentionApprovals.scheduleId, retentionApprovals.fingerprint],
      set: { previewRunId: approval.previewRunId, approvedBy: approval.approvedBy, approvedAt: approval.approvedAt },
    })
    .returning();
  if (!row) throw new Error("inserting a retention approval returned no row");
  return row;
}

/** The approval of each schedule's current terms, by schedule id (schedules without one are absent). */
export async function currentRetentionApprovals(tx: Executor, schedules: readonly RetentionScheduleRow[]): Promise<Map<string, RetentionApprovalRow>> {
  if (schedules.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(retentionApprovals)
    .where(inArray(retentionApprovals.scheduleId, schedules.map((schedule) => schedule.id)))
    .orderBy(desc(retentionApprovals.approvedAt));
  const current = new Map<string, RetentionApprovalRow>();
  for (const schedule of schedules) {
    const approval = rows.find((row) => row.scheduleId === schedule.id && row.fingerprint === schedule.fingerprint);
    if (approval) current.set(schedule.id, approval);
  }
  return current;
}
