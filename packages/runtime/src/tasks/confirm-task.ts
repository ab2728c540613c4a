import { afterConfirmRound, defaultConfirmSchedule } from "@lethe/core";
import { recordKey, type ErasureReceipt, declaredOperations } from "@lethe/connector-sdk";
import {
  enqueueJob,
  ensureRequestTask,
  insertReceipt,
  listReceipts,
  recordTaskProgress,
  startRequestTask,
  type TaskKey,
} from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { completeTask } from "./complete-task";
import { instanceJob, taskNames, type InstancePayload } from "./jobs";
import { instanceTask } from "./instance-task";

/**
 * The confirm task's progress: when the wait began (the deadline counts from it), how many checks
 * were made, and the vendor job each still-pending record waits on when a check moved it to a new
 * job (a failed job resubmitted). Receipts are unique per phase, so a `pending` answer is not a
 * receipt; its job id is kept here, saved before the next answer is read.
 */
const confirmProgressSchema = z.object({
  since: z.iso.datetime(),
  rounds: z.int().nonnegative().default(0),
  pending: z.int().nonnegative().default(0),
  jobs: z.record(z.string(), z.string()).default({}),
});
type ConfirmProgress = z.infer<typeof confirmProgressSchema>;

/** The confirm task's first progress, written with the erase task's completion. */
export function confirmStarted(at: Date): ConfirmProgress {
  return { since: at.toISOString(), rounds: 0, pending: 0, jobs: {} };
}

/**
 * Settles the `pending` erase receipts of one instance — deletions the vendor runs asynchronously —
 * by asking the connector's `confirm` about them, then schedules verification.
 *
 * Each final answer (`erased`, `retained` …) is stored as a `confirm` receipt before the next is
 * pulled; a restarted job asks only about records without one, on the job ids saved in the task's
 * progress, so a worker killed mid-confirm loses nothing and asks the vendor nothing twice that it
 * had answered. While anything is still pending the job adds itself again, backing off (see
 * @lethe/core's `afterConfirmRound`), and the request stays `executing`; at the deadline it stops waiting: the
 * records stay `pending` and the request ends `partially_completed`, naming them.
 */
export function confirmTask(deps: RuntimeDependencies): Task {
  return instanceTask(
    deps,
    { task: taskNames.confirm, phase: "confirm", during: "executing" },
    ({ payload, key, session, signal }) => confirmOnInstance(deps, payload, key, session, signal),
  );
}

async function confirmOnInstance(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  signal: AbortSignal,
): Promise<void> {
  const { database } = deps;
  const { connector } = session;
  const confirm = declaredOperations(connector).confirm;
  if (!confirm) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no confirm operation`);
  }
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const task = await startRequestTask(database.db, key, version);
  if (!task) return;
  const parsed = confirmProgressSchema.safeParse(task.progress);
  const progress: ConfirmProgress = parsed.success ? parsed.data : confirmStarted(task.updatedAt);

  const outstanding = await stillPending(deps, payload, progress);
  if (outstanding.size > 0) {
    const answers = confirm(session.ctx, [...outstanding.values()]);
    for await (const receipt of answers) {
      signal.throwIfAborted();
      const refKey = recordKey(receipt.ref);
      if (!outstanding.has(refKey)) {
        throw new ConnectorProtocolError(`confirm returned a receipt for ${refKey}, which it was not asked about`);
      }
      if (receipt.outcome === "pending") {
        const jobId = receipt.pending?.jobId;
        if (jobId && jobId !== progress.jobs[refKey]) {
          progress.jobs[refKey] = jobId;
          await recordTaskProgress(database.db, key, progress);
        }
        continue;
      }
      await insertReceipt(database.db, {
        ...payload,
        ...version,
        phase: "confirm",
        recordType: receipt.ref.type,
        recordId: receipt.ref.id,
        outcome: receipt.outcome,
        detail: receipt.detail ?? null,
        hold: receipt.hold ?? null,
      });
      outstanding.delete(refKey);
    }
  }

  const rounds = progress.rounds + 1;
  const next = { ...progress, rounds, pending: outstanding.size };
  const step = afterConfirmRound({
    schedule: deps.confirmSchedule ?? defaultConfirmSchedule,
    rounds,
    outstanding: outstanding.size,
    since: new Date(progress.since),
    now: new Date(),
  });
  if (step.kind === "confirm-again") {
    await database.db.transaction(async (tx) => {
      await recordTaskProgress(tx, key, next);
      await enqueueJob(tx, instanceJob(taskNames.confirm, payload, step.at));
    });
    return;
  }

  const stillPendingRefs = [...outstanding.keys()];
  await completeTask(deps, {
    key,
    progress: { ...next, ...(step.gaveUp ? { gaveUp: true } : {}) },
    audit: {
      action: "confirm.completed",
      payload: { instanceId: payload.instanceId, ...version, rounds, stillPending: stillPendingRefs.length },
    },
    alsoWrite: async (tx) => {
      await ensureRequestTask(tx, { ...payload, ...version, phase: "verify" });
      await enqueueJob(tx, instanceJob(taskNames.verify, payload));
    },
  });
}

/** The instance's pending erase receipts without a confirm receipt, on their latest job ids. */
async function stillPending(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  progress: ConfirmProgress,
): Promise<Map<string, ErasureReceipt>> {
  const { db } = deps.database;
  const confirmed = new Set(
    (await listReceipts(db, { ...payload, phase: "confirm" })).map((row) =>
      recordKey({ type: row.recordType, id: row.recordId }),
    ),
  );
  const outstanding = new Map<string, ErasureReceipt>();
  for (const row of await listReceipts(db, { ...payload, phase: "erase" })) {
    if (row.outcome !== "pending") continue;
    const ref = { type: row.recordType, id: row.recordId };
    const refKey = recordKey(ref);
    if (confirmed.has(refKey)) continue;
    const jobId = progress.jobs[refKey] ?? row.pendingJobId;
    outstanding.set(refKey, {
      ref,
      outcome: "pending",
      ...(row.detail ? { detail: row.detail } : {}),
      ...(jobId ? { pending: { jobId } } : {}),
    });
  }
  return outstanding;
}
