import type { RetentionSchedule } from "@lethe/contracts";
import { getRetentionRun, getRetentionSchedule, insertRetentionApproval, type Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { RetentionPreviewMismatchError, RetentionScheduleNotFoundError } from "./retention-errors";
import { getRetentionScheduleView } from "./retention-schedules";

/**
 * Approves a schedule's current terms, naming the completed preview of exactly those terms the
 * approver saw (its fingerprint must be the schedule's now): a schedule changed since the preview,
 * a failed preview or another schedule's is a `RetentionPreviewMismatchError`. Approval and its
 * audit entry are written together.
 */
export async function approveRetention(database: Database, input: { scheduleId: string; previewRunId: string; actor: string }): Promise<RetentionSchedule> {
  return database.db.transaction(async (tx) => {
    const schedule = await getRetentionSchedule(tx, input.scheduleId);
    if (!schedule) throw new RetentionScheduleNotFoundError(input.scheduleId);
    const preview = await getRetentionRun(tx, input.previewRunId);
    if (!preview || preview.scheduleId !== schedule.id || preview.kind !== "preview") {
      throw new RetentionPreviewMismatchError(`previewRunId: ${input.previewRunId} is no preview of "${schedule.name}"`);
    }
    if (preview.status !== "completed") throw new RetentionPreviewMismatchError(`previewRunId: that preview ${preview.status === "failed" ? "failed" : "has not finished"}; preview again`);
    if (preview.fingerprint !== schedule.fingerprint) {
      throw new RetentionPreviewMismatchError(`previewRunId: "${schedule.name}" has changed since that preview; preview its current terms and approve those`);
    }
    await insertRetentionApproval(tx, { scheduleId: schedule.id, fingerprint: schedule.fingerprint, previewRunId: preview.id, approvedBy: input.actor, approvedAt: new Date() });
    await appendAudit(tx, {
      actor: input.actor,
      action: "retention.approved",
      payload: { scheduleId: schedule.id, fingerprint: schedule.fingerprint, previewRunId: preview.id, counts: preview.counts },
    });
    return getRetentionScheduleView(tx, schedule.id);
  });
}
