import { declaredOperations, type ErasureReceipt } from "@lethe/connector-sdk";
import { confirmDelayMs, defaultConfirmSchedule } from "@lethe/core";
import {
  countRetentionRunItems,
  enqueueJob,
  getRetentionRun,
  getRetentionSchedule,
  insertRetentionRunItems,
  listRetentionRunItems,
  recordRetentionReceipt,
  updateRetentionRun,
  type RetentionRunRow,
} from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { describeFailure } from "../failure";
import { openInstanceSession, type InstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { maxJobAttempts, taskNames } from "../tasks/jobs";
import { decidedExpiredPages } from "./expired-items";
import { retentionNow } from "./preview-retention";
import { retriesStandaloneJob } from "../tasks/standalone-job-retry";

const payloadSchema = z.object({ runId: z.uuid() });

/** Refs per `erase` call: the request erase task's batch, so a vendor sees the same load either way. */
export const retentionEraseBatch = 50;

/**
 * Runs a retention sweep (`startRetentionSweep`): finds what is past the run's cut-off through the
 * connector and decides each record as the preview did (holds, vendor holds, kept tags), stores
 * every item, then erases the `erase` items through the connector's own `erase` in batches, one
 * receipt per item, each batch with its audit entry. The instance's shared rate limiter paces the
 * calls. Pending receipts (the recorder's deletion jobs) move the run to `confirming` and are
 * confirmed by `lethe.retention.confirm`. Resumable: items are stored once, and an item that has a
 * receipt is never erased again. Transient faults are retried; a permanent one, or the last
 * attempt, ends the run `failed`.
 */
export function retentionSweepTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { runId } = payloadSchema.parse(rawPayload);
    const run = await getRetentionRun(deps.database.db, runId);
    if (!run || run.kind !== "sweep" || (run.status !== "queued" && run.status !== "running")) return;
    let sensitiveValues: string[] = [];
    try {
      const session = await openInstanceSession(deps, {
        instanceId: (await scheduleOf(deps, run)).instanceId,
        checkpointKey: `retention-sweep:${run.id}`,
        signal: helpers.abortSignal ?? new AbortController().signal,
        logFields: { retentionRunId: run.id, scheduleId: run.scheduleId },
      });
      sensitiveValues = session.sensitiveValues;
      await sweep(deps, run, session);
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finishRetentionRun(deps, run, "failed", describeFailure(error, sensitiveValues));
    }
  };
}

async function scheduleOf(deps: RuntimeDependencies, run: RetentionRunRow) {
  const schedule = await getRetentionSchedule(deps.database.db, run.scheduleId);
  if (!schedule) throw new Error(`retention schedule ${run.scheduleId} of run ${run.id} no longer exists`);
  return schedule;
}

async function sweep(deps: RuntimeDependencies, run: RetentionRunRow, session: InstanceSession): Promise<void> {
  const schedule = await scheduleOf(deps, run);
  await updateRetentionRun(deps.database.db, run.id, { status: "running" });
  for await (const items of decidedExpiredPages(deps, { ...session, schedule, cutoff: run.cutoff, now: retentionNow(deps) })) {
    await insertRetentionRunItems(deps.database.db, items.map((item) => ({ ...item, runId: run.id })));
  }
  const erase = declaredOperations(session.connector).erase;
  const toErase = (await listRetentionRunItems(deps.database.db, run.id)).filter((item) => item.action === "erase" && item.outcome === null);
  if (toErase.length > 0 && !erase) throw new Error(`connector "${session.connector.id}" can no longer erase`);
  for (let start = 0; erase && start < toErase.length; start += retentionEraseBatch) {
    const refs = toErase.slice(start, start + retentionEraseBatch).map((item) => ({ type: item.recordType, id: item.recordId }));
    const receipts: ErasureReceipt[] = [];
    for await (const receipt of erase.run(session.ctx, refs, { action: "erase" })) receipts.push(receipt);
    await storeReceipts(deps, run, receipts, "retention.records_erased");
  }
  const pending = (await listRetentionRunItems(deps.database.db, run.id)).some((item) => item.outcome === "pending");
  if (!pending) {
    await finishRetentionRun(deps, run, "completed", null);
    return;
  }
  const confirmSchedule = deps.confirmSchedule ?? defaultConfirmSchedule;
  await deps.database.db.transaction(async (tx) => {
    await updateRetentionRun(tx, run.id, { status: "confirming", counts: await countRetentionRunItems(tx, run.id), confirmRounds: 0 });
    await enqueueJob(tx, retentionConfirmJob(run.id, new Date(Date.now() + confirmDelayMs(confirmSchedule, 0))));
  });
}

export function retentionConfirmJob(runId: string, runAt: Date) {
  return { task: taskNames.retentionConfirm, payload: { runId }, jobKey: `${taskNames.retentionConfirm}:${runId}`, maxAttempts: maxJobAttempts, runAt };
}

/** Each receipt on its item, and one audit entry for the batch (record ids and outcomes only). */
export async function storeReceipts(deps: RuntimeDependencies, run: RetentionRunRow, receipts: readonly ErasureReceipt[], action: string): Promise<void> {
  if (receipts.length === 0) return;
  await deps.database.db.transaction(async (tx) => {
    for (const receipt of receipts) {
      await recordRetentionReceipt(tx, run.id, {
        recordType: receipt.ref.type,
        recordId: receipt.ref.id,
        outcome: receipt.outcome,
        detail: receipt.detail ?? null,
        pending: receipt.pending ?? null,
      });
    }
    await appendAudit(tx, {
      actor: "worker",
      action,
      payload: {
        runId: run.id,
        scheduleId: run.scheduleId,
        connectorId: run.connectorId,
        connectorVersion: run.connectorVersion,
        receipts: receipts.map((receipt) => ({ recordType: receipt.ref.type, recordId: receipt.ref.id, outcome: receipt.outcome })),
      },
    });
  });
}

export async function finishRetentionRun(deps: RuntimeDependencies, run: RetentionRunRow, status: "completed" | "failed", error: string | null): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const counts = await countRetentionRunItems(tx, run.id);
    await updateRetentionRun(tx, run.id, { status, counts, error, finishedAt: new Date() });
    await appendAudit(tx, {
      actor: "worker",
      action: status === "completed" ? "retention.sweep_completed" : "retention.sweep_failed",
      payload: { runId: run.id, scheduleId: run.scheduleId, fingerprint: run.fingerprint, counts, ...(error ? { error } : {}) },
    });
  });
}
