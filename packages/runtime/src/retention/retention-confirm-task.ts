import { declaredOperations, type ErasureReceipt } from "@lethe/connector-sdk";
import { confirmDelayMs, defaultConfirmSchedule } from "@lethe/core";
import { enqueueJob, getRetentionRun, getRetentionSchedule, listRetentionRunItems, updateRetentionRun } from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { describeFailure } from "../failure";
import { openInstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { finishRetentionRun, retentionConfirmJob, storeReceipts } from "./retention-sweep-task";
import { retriesStandaloneJob } from "../tasks/standalone-job-retry";

const payloadSchema = z.object({ runId: z.uuid() });

/**
 * Asks the connector (`confirm`) about a sweep's pending receipts — the vendor deletes
 * asynchronously — and stores the answers. While some stay pending it comes back on the confirm
 * schedule (the request engine's backoff); past the schedule's deadline the run ends `failed`,
 * the still-pending items named by their receipts. Once none is pending the run is `completed`.
 */
export function retentionConfirmTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { runId } = payloadSchema.parse(rawPayload);
    const run = await getRetentionRun(deps.database.db, runId);
    if (!run || run.status !== "confirming") return;
    const schedule = await getRetentionSchedule(deps.database.db, run.scheduleId);
    if (!schedule) return;
    const confirmSchedule = deps.confirmSchedule ?? defaultConfirmSchedule;
    let sensitiveValues: string[] = [];
    try {
      const session = await openInstanceSession(deps, {
        instanceId: schedule.instanceId,
        checkpointKey: `retention-confirm:${run.id}`,
        signal: helpers.abortSignal ?? new AbortController().signal,
        logFields: { retentionRunId: run.id, scheduleId: run.scheduleId },
      });
      sensitiveValues = session.sensitiveValues;
      const confirm = declaredOperations(session.connector).confirm;
      const pending: ErasureReceipt[] = (await listRetentionRunItems(deps.database.db, run.id))
        .filter((item) => item.outcome === "pending")
        .map((item) => ({ ref: { type: item.recordType, id: item.recordId }, outcome: "pending", ...(pendingJob(item.pending) ? { pending: pendingJob(item.pending) } : {}) }));
      if (confirm && pending.length > 0) {
        const answers: ErasureReceipt[] = [];
        for await (const receipt of confirm(session.ctx, pending)) answers.push(receipt);
        await storeReceipts(deps, run, answers.filter((answer) => answer.outcome !== "pending" || answer.pending?.jobId !== jobOf(pending, answer)), "retention.erasures_confirmed");
      }
      const still = (await listRetentionRunItems(deps.database.db, run.id)).filter((item) => item.outcome === "pending").length;
      if (still === 0) {
        await finishRetentionRun(deps, run, "completed", null);
        return;
      }
      const startedMs = run.startedAt.getTime();
      if (!confirm || Date.now() - startedMs > confirmSchedule.deadlineMs) {
        await finishRetentionRun(deps, run, "failed", `${still} erasures were still pending at the confirmation deadline`);
        return;
      }
      const round = run.confirmRounds + 1;
      await deps.database.db.transaction(async (tx) => {
        await updateRetentionRun(tx, run.id, { confirmRounds: round });
        await enqueueJob(tx, retentionConfirmJob(run.id, new Date(Date.now() + confirmDelayMs(confirmSchedule, round))));
      });
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finishRetentionRun(deps, run, "failed", describeFailure(error, sensitiveValues));
    }
  };
}

function pendingJob(value: unknown): { jobId: string } | undefined {
  const parsed = z.object({ jobId: z.string() }).safeParse(value);
  return parsed.success ? { jobId: parsed.data.jobId } : undefined;
}

function jobOf(pending: readonly ErasureReceipt[], answer: ErasureReceipt): string | undefined {
  return pending.find((receipt) => receipt.ref.type === answer.ref.type && receipt.ref.id === answer.ref.id)?.pending?.jobId;
}
