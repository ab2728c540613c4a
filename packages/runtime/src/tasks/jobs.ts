import type { JobSpec } from "@lethe/db";
import { z } from "zod";
import { retryStateSchema, type RetryState } from "./retry-policy";

/**
 * The graphile-worker tasks that carry a request through its phases. Payloads hold ids only
 * (graphile-worker stores them in plain text); every job has a key, so enqueueing the same step
 * twice — a retry racing a recovery, two finishers both seeing "all done" — runs it once.
 */
export const taskNames = {
  start: "lethe.request.start",
  locate: "lethe.request.locate",
  export: "lethe.request.export",
  erase: "lethe.request.erase",
  confirm: "lethe.request.confirm",
  verify: "lethe.request.verify",
  finalise: "lethe.request.finalise",
  /** Applies approved `rectify` items (tasks/rectify-task.ts). */
  rectify: "lethe.request.rectify",
  /** Applies approved `restrict` items (tasks/restrict-task.ts). */
  restrict: "lethe.request.restrict",
  pciSweep: "lethe.pci.sweep",
  /** Counts one instance's records for a discovery scan of the data inventory (inventory/). */
  inventoryCount: "lethe.inventory.count",
  /** A retention schedule's sweep (retention/retention-sweep-task.ts). */
  retentionSweep: "lethe.retention.sweep",
  /** Pending receipts of a retention sweep confirmed again (retention/retention-confirm-task.ts). */
  retentionConfirm: "lethe.retention.confirm",
  /** The daily tick: every approved schedule swept (retention/retention-daily-task.ts). */
  retentionDaily: "lethe.retention.daily",
  /** Reads an instance's consent evidence into the ledger (tasks/consent-sync-task.ts). */
  consentSync: "lethe.consent.sync",
  /** Carries out an approved consent remediation (tasks/consent-remediation-task.ts). */
  consentRemediation: "lethe.consent.remediate",
  minimise: "lethe.minimise",
} as const;

export type TaskName = (typeof taskNames)[keyof typeof taskNames];

/**
 * A task's own failures are retried by the runtime (tasks/retry-policy.ts); graphile-worker's
 * attempts (exponential backoff) are the fallback for failures that happen while handling those —
 * the database gone mid-job.
 */
export const maxJobAttempts = 10;

/** `retry`: what the task has spent of its retry budget so far (absent on a first run). */
export const requestPayloadSchema = z.object({ requestId: z.uuid(), retry: retryStateSchema.optional() });
export const instancePayloadSchema = z.object({ requestId: z.uuid(), instanceId: z.uuid(), retry: retryStateSchema.optional() });
export type RequestPayload = z.infer<typeof requestPayloadSchema>;
export type InstancePayload = z.infer<typeof instancePayloadSchema>;

/**
 * graphile-worker runs lower numbers first. Later steps of a request go before earlier steps of
 * others, so a backlog drains request by request (a started erasure finishes before the next
 * hundred start locating) instead of running every request's locate rounds first.
 */
const stepPriority: Partial<Record<TaskName, number>> = {
  "lethe.request.export": -10,
  "lethe.request.erase": -10,
  "lethe.request.rectify": -10,
  "lethe.request.restrict": -10,
  "lethe.request.confirm": -11,
  "lethe.request.verify": -11,
  "lethe.request.finalise": -12,
};

export function requestJob(task: TaskName, requestId: string, runAt?: Date): JobSpec {
  return {
    task,
    payload: { requestId },
    jobKey: `${task}:${requestId}`,
    maxAttempts: maxJobAttempts,
    ...(stepPriority[task] !== undefined ? { priority: stepPriority[task] } : {}),
    ...(runAt ? { runAt } : {}),
  };
}

/** `priority` overrides the step's (locate round n runs at -n: deeper rounds first). */
export function instanceJob(task: TaskName, payload: InstancePayload, runAt?: Date, priority?: number): JobSpec {
  const rank = priority ?? stepPriority[task];
  return {
    task,
    payload: { requestId: payload.requestId, instanceId: payload.instanceId },
    jobKey: `${task}:${payload.requestId}:${payload.instanceId}`,
    maxAttempts: maxJobAttempts,
    ...(rank !== undefined ? { priority: rank } : {}),
    ...(runAt ? { runAt } : {}),
  };
}

/**
 * The same job carrying what its task has spent of the retry budget. Only a task's own retry
 * (or reschedule) carries it: the next phase's job starts with a full budget.
 */
export function withRetry(job: JobSpec, retry: RetryState | undefined): JobSpec {
  return retry ? { ...job, payload: { ...job.payload, retry } } : job;
}
