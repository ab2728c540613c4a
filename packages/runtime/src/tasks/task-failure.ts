import {
  enqueueJob,
  finishRequestTask,
  getRequestTask,
  listSubjectIdentifiers,
  lockRequest,
  pauseInstance,
  recordTaskRetry,
  type JobSpec,
  type TaskKey,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { JobHelpers } from "graphile-worker";
import { classifyFailure, describeFailure } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";

/** A task rescheduled this many times for rate limits is failed rather than rescheduled again. */
const maxRateLimitedStarts = 50;

export interface FailedTask {
  key: TaskKey;
  connectorId: string;
  /** The job to add again when the vendor asks us to wait (same key: it replaces, never doubles). */
  retryJob: (runAt: Date) => JobSpec;
  /** Values to scrub from the stored error besides the subject's identifiers (the secrets). */
  sensitiveValues?: readonly string[];
}

/**
 * What happens when a task's work throws:
 * - worker shutting down → rethrown; graphile-worker puts the job back for a later attempt;
 * - `RateLimitedError` → the instance is paused for every worker until the vendor's time, and the
 *   job is added again to run then (not counted as a failed attempt); it completes meanwhile;
 * - transient (and unknown) faults → rethrown for graphile-worker's exponential backoff, until the
 *   job's last attempt;
 * - anything else, or the last attempt → the task fails for good: `failed`, with an error line
 *   free of identifiers and secrets, an audit entry, and the request moves on without it (it will
 *   end `partially_completed`, the failure stated).
 */
export async function handleTaskFailure(
  deps: RuntimeDependencies,
  helpers: JobHelpers,
  task: FailedTask,
  error: unknown,
): Promise<"rescheduled" | "failed"> {
  const failure = classifyFailure(error, helpers.abortSignal);
  if (failure.kind === "aborted") throw error;
  const { database } = deps;
  const identifiers = await listSubjectIdentifiers(database.db, task.key.requestId);
  const sensitive = [...identifiers.map((identifier) => identifier.value), ...(task.sensitiveValues ?? [])];
  const message = describeFailure(error, sensitive);
  const fields = { requestId: task.key.requestId, instanceId: task.key.instanceId, phase: task.key.phase };

  if (failure.kind === "rate_limited") {
    const row = await getRequestTask(database.db, task.key);
    if ((row?.attempts ?? 0) < maxRateLimitedStarts) {
      const runAt = new Date(Date.now() + Math.max(1_000, failure.retryAfterMs));
      await pauseInstance(database.db, { instanceId: task.key.instanceId, until: runAt });
      await recordTaskRetry(database.db, task.key, `${message} (rescheduled for ${runAt.toISOString()})`);
      await enqueueJob(database.db, task.retryJob(runAt));
      deps.log("warn", "connector rate-limited; task rescheduled", { ...fields, runAt: runAt.toISOString() });
      return "rescheduled";
    }
  }
  if (failure.kind === "transient" && helpers.job.attempts < helpers.job.max_attempts) {
    await recordTaskRetry(database.db, task.key, message);
    deps.log("warn", "task attempt failed; it will be retried", {
      ...fields,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
      error: message,
    });
    throw error;
  }

  deps.log("error", "task failed permanently", { ...fields, error: message });
  await failTaskPermanently(deps, task, message);
  return "failed";
}

/** Marks the task failed, records it in the audit log and lets the request move on without it. */
export async function failTaskPermanently(
  deps: RuntimeDependencies,
  task: Pick<FailedTask, "key" | "connectorId">,
  message: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, task.key.requestId);
    if (!request) return;
    await finishRequestTask(tx, task.key, { status: "failed", lastError: message });
    const next = await advanceRequest(tx, deps, request);
    await appendAudit(tx, {
      actor: "worker",
      action: "task.failed",
      requestId: task.key.requestId,
      payload: { instanceId: task.key.instanceId, phase: task.key.phase, connectorId: task.connectorId },
    });
    for (const entry of next) await appendAudit(tx, entry);
  });
}
