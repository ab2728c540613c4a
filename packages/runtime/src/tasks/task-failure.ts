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
import { appendAudits } from "../audit/append-audit";
import type { JobHelpers } from "graphile-worker";
import { adviceFor, classifyFailure, describeFailure, type FailureKind } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";
import { decideRetry, defaultRetryPolicy, type RetryState } from "./retry-policy";

/** A task rescheduled this many times for rate limits is failed rather than rescheduled again. */
const maxRateLimitedStarts = 50;

export interface FailedTask {
  key: TaskKey;
  connectorId: string;
  /**
   * The job to add again for a later run (same key: it replaces, never doubles), carrying the
   * retry budget spent so far.
   */
  retryJob: (runAt: Date, retry: RetryState | undefined) => JobSpec;
  /** What the task had spent of its retry budget before this run (from the job's payload). */
  retry?: RetryState | undefined;
  /** Values to scrub from the stored error besides the subject's identifiers (the secrets). */
  sensitiveValues?: readonly string[];
}

/** What to do about one failed run: computed once, applied to one task or to every system of an export. */
export type FailurePlan =
  | { action: "rethrow" }
  | { action: "reschedule"; runAt: Date; retry: RetryState | undefined; message: string; pause: boolean }
  | { action: "fail"; message: string };

/**
 * What happens when a task's work throws:
 * - worker shutting down → rethrown; graphile-worker puts the job back for a later attempt;
 * - `RateLimitedError` → the instance is paused for every worker until the vendor's time, and the
 *   job is added again to run then (not counted against the retry budget); it completes meanwhile;
 * - transient (and unknown) faults, and garbled answers (`VendorContractError`) → the job is added
 *   again after a full-jitter backoff (at least the vendor's `Retry-After`), while the task's
 *   budget lasts (tasks/retry-policy.ts: a few runs for garbled answers, more for transient
 *   faults, within a time window); transient faults also count towards the instance's circuit
 *   breaker (tasks/instance-breaker.ts), and a retry never runs before an open breaker's cool-down;
 * - anything else, or a spent budget → the task fails for good: `failed`, with an error line
 *   free of identifiers and secrets followed by what to do about it, an audit entry, and the
 *   request moves on without it (it will end `partially_completed`, the failure stated).
 */
export async function handleTaskFailure(
  deps: RuntimeDependencies,
  helpers: JobHelpers,
  task: FailedTask,
  error: unknown,
): Promise<"rescheduled" | "failed"> {
  const identifiers = await listSubjectIdentifiers(deps.database.db, task.key.requestId);
  const sensitive = [...identifiers.map((identifier) => identifier.value), ...(task.sensitiveValues ?? [])];
  const attempts = (await getRequestTask(deps.database.db, task.key))?.attempts ?? 0;
  const plan = planFailure(deps, { instanceId: task.key.instanceId, retry: task.retry, rateLimitedStarts: attempts }, error, helpers.abortSignal, sensitive);
  const fields = { requestId: task.key.requestId, instanceId: task.key.instanceId, phase: task.key.phase };

  if (plan.action === "rethrow") throw error;
  if (plan.action === "reschedule") {
    if (plan.pause) await pauseInstance(deps.database.db, { instanceId: task.key.instanceId, until: plan.runAt });
    await recordTaskRetry(deps.database.db, task.key, plan.message);
    await enqueueJob(deps.database.db, task.retryJob(plan.runAt, plan.retry));
    deps.log("warn", "task attempt failed; it will be retried", { ...fields, runAt: plan.runAt.toISOString(), error: plan.message });
    return "rescheduled";
  }
  deps.log("error", "task failed permanently", { ...fields, error: plan.message });
  await failTaskPermanently(deps, task, plan.message);
  return "failed";
}

/**
 * Decides what one failed run leads to (see `handleTaskFailure`), recording a transient fault with
 * the instance's breaker. `rateLimitedStarts` is how often the task has started already.
 */
export function planFailure(
  deps: RuntimeDependencies,
  /** `instanceId`: whose breaker a transient fault counts against, when it is known. */
  task: { instanceId: string | undefined; retry: RetryState | undefined; rateLimitedStarts: number },
  error: unknown,
  signal: AbortSignal,
  sensitiveValues: readonly string[],
): FailurePlan {
  const failure = classifyFailure(error, signal);
  if (failure.kind === "aborted") return { action: "rethrow" };
  const line = describeFailure(error, sensitiveValues);
  const now = Date.now();

  if (failure.kind === "rate_limited" && task.rateLimitedStarts < maxRateLimitedStarts) {
    const runAt = new Date(now + Math.max(1_000, failure.retryAfterMs));
    return { action: "reschedule", runAt, retry: task.retry, pause: true, message: `${line} (rescheduled for ${runAt.toISOString()})` };
  }
  if (failure.kind === "transient" || failure.kind === "contract") {
    if (failure.kind === "transient" && task.instanceId && deps.breakers) {
      const wasOpen = deps.breakers.state(task.instanceId) === "open";
      if (deps.breakers.recordFailure(task.instanceId) === "open" && !wasOpen) {
        deps.log("warn", "connector instance breaker opened: its jobs wait for the cool-down", { instanceId: task.instanceId });
      }
    }
    const policy = deps.retryPolicy ?? defaultRetryPolicy;
    const decision = decideRetry(policy, task.retry, failure, now);
    if (decision.retry) {
      const breakerOpenUntil = (task.instanceId && deps.breakers?.openUntil(task.instanceId)?.getTime()) || 0;
      const runAt = new Date(Math.max(now + decision.delayMs, breakerOpenUntil));
      return {
        action: "reschedule",
        runAt,
        retry: decision.state,
        pause: false,
        message: `${line} (retry ${decision.attempt} of ${decision.of - 1} at ${runAt.toISOString()})`,
      };
    }
    const spent = { attempts: decision.attempt, minutes: Math.max(0, Math.round((now - decision.state.since) / 60_000)) };
    return { action: "fail", message: withAdvice(line, error, failure, spent) };
  }
  return { action: "fail", message: withAdvice(line, error, failure) };
}

function withAdvice(line: string, error: unknown, failure: FailureKind, spent?: { attempts: number; minutes: number }): string {
  return `${line} — ${adviceFor(error, failure, spent)}`;
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
    await appendAudits(tx, [
      {
        actor: "worker",
        action: "task.failed",
        requestId: task.key.requestId,
        payload: { instanceId: task.key.instanceId, phase: task.key.phase, connectorId: task.connectorId },
      },
      ...next,
    ]);
  });
}
