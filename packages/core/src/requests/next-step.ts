import type { RequestStatus } from "./request-vocabulary";

/** A task of the request (`request_tasks` row, in short): one phase on one connector instance. */
export interface TaskState {
  instanceId: string;
  phase: string;
  /** `pending` or `running` while under way; `done` or `failed` once finished. */
  status: string;
}

/**
 * What the next step of a request is decided on. The runtime loads the request and its tasks,
 * asks, carries the step out, and adds what it learnt while doing so (`discovered`,
 * `pendingReview`, `plan`, `execution`) before asking again — until the step is one that waits
 * on other work (a job, a person).
 */
export interface RequestProgress {
  request: { type: string; status: RequestStatus; locateRound: number; locateDepth: number };
  tasks: readonly TaskState[];
  /** The request types whose plans are approved without a person (EnginePolicy.autoApprove). */
  autoApprove: ReadonlySet<string>;
  /** Identifiers the finished locate round revealed and the request did not hold yet; undefined until stored. */
  discovered?: number | undefined;
  /** Weak matches in the plan waiting for a person's decision; undefined until counted. */
  pendingReview?: number | undefined;
  /** Set once the plan is built at the fixpoint: whether any item had been approved before (a re-locate). */
  plan?: { relocated: boolean } | undefined;
  /** Set once the plan's decided items are approved and their execution tasks opened: the jobs that run them. */
  execution?: { jobs: number } | undefined;
}

export type NextStep =
  /** Nothing to do now: tasks are under way, or the request waits on a person or is closed. */
  | { kind: "wait"; why: string }
  /** Received (or verified): open locate round 0 on every enabled instance and move to `locating`. */
  | { kind: "start-locating" }
  /** Every locate of `round` finished: store the identifiers its records revealed, then ask again. */
  | { kind: "discover-identifiers"; round: number }
  /**
   * New identifiers and depth left: open round `round` on every enabled instance but those whose
   * locate failed for good (`skipInstances`: asking again with more identifiers would fail the
   * same way; the request ends partially completed saying why). If no instance is left to
   * search, the runtime records that the round found nothing new and asks again.
   */
  | { kind: "open-locate-round"; round: number; discovered: number; skipInstances: string[] }
  /** Count the weak matches in the plan that await a person's decision, then ask again. */
  | { kind: "count-pending-review" }
  /** The fixpoint: build the plan (keeping review decisions), then ask again with `plan` set. */
  | { kind: "build-plan"; round: number }
  /**
   * Approve the decided items automatically and open their execution tasks; the plan is `approved`
   * when nothing awaits review, else it stays `draft` with the weak matches pending.
   */
  | { kind: "approve-plan"; pendingReview: number; planStatus: "approved" | "draft" }
  /** Move to `executing`, and run the execution jobs — or finalise at once when there are none. */
  | { kind: "execute"; reason: string; finaliseNow: boolean }
  /**
   * Move to `review`: a person approves the plan or decides weak matches. `resetPlan`: the plan
   * goes back to `draft` (it is already, when this pass just approved part of it).
   * `afterExecution`: the approved part has run and only the weak matches are left.
   */
  | { kind: "review"; reason: string; pendingReview: number; resetPlan: boolean; afterExecution: boolean }
  /** Every task of the execution finished and nothing awaits review: close the request. */
  | { kind: "finalise" };

const unfinished = (task: TaskState) => task.status === "pending" || task.status === "running";

/**
 * The next step of a request (docs/rights-engine.md, "Lifecycle"), the one place that says what
 * follows what:
 *
 * - received/verified → locate round 0 on every enabled instance.
 * - locating, a task still running → wait; every locate of round n finished → identifiers the
 *   records revealed are stored; new ones and n < depth → round n + 1; otherwise the fixpoint:
 *   the plan is built and settled:
 *   - auto-approved type (LETHE_AUTO_APPROVE), not a re-locate, and nothing pending → approved,
 *     `executing`;
 *   - erasure with weak matches pending → the decided items are approved and run now
 *     (`executing`), the pending ones wait; a bystander's review must not hold back the subject's
 *     erasure ("without undue delay", Art. 17(1)). An access bundle is written once, complete, so
 *     access/portability wait in `review` instead. Nothing decided to run → `review`;
 *   - a plan approved before (a re-locate), or a type that needs a person → `review`.
 * - executing, every task finished → `review` when weak matches still wait for a decision (the
 *   approved part has run), else `finalise`.
 */
export function nextStep(progress: RequestProgress): NextStep {
  const { request, tasks } = progress;
  switch (request.status) {
    case "received":
    case "verified":
      return { kind: "start-locating" };
    case "locating":
      if (tasks.some(unfinished)) return { kind: "wait", why: "locate tasks are under way" };
      return afterLocating(progress);
    case "executing":
      if (tasks.some(unfinished)) return { kind: "wait", why: "execution tasks are under way" };
      if (progress.pendingReview === undefined) return { kind: "count-pending-review" };
      return progress.pendingReview > 0
        ? {
            kind: "review",
            reason: `the approved part of the plan has run; ${progress.pendingReview} weak match(es) await review`,
            pendingReview: progress.pendingReview,
            resetPlan: true,
            afterExecution: true,
          }
        : { kind: "finalise" };
    default:
      return { kind: "wait", why: `the request is ${request.status}` };
  }
}

function afterLocating(progress: RequestProgress): NextStep {
  const { request } = progress;
  const round = request.locateRound;
  if (progress.discovered === undefined) return { kind: "discover-identifiers", round };
  if (progress.plan === undefined) {
    if (progress.discovered > 0 && round < request.locateDepth) {
      const skipInstances = progress.tasks
        .filter((task) => task.phase === "locate" && task.status === "failed")
        .map((task) => task.instanceId);
      return { kind: "open-locate-round", round: round + 1, discovered: progress.discovered, skipInstances: [...new Set(skipInstances)] };
    }
    return { kind: "build-plan", round };
  }
  if (progress.pendingReview === undefined) return { kind: "count-pending-review" };
  return settlePlan(progress, progress.plan, progress.pendingReview);
}

function settlePlan(progress: RequestProgress, plan: { relocated: boolean }, pending: number): NextStep {
  const { type } = progress.request;
  if (progress.execution !== undefined) {
    if (progress.execution.jobs === 0 && pending > 0) {
      return { kind: "review", reason: `${pending} weak match(es) await review`, pendingReview: pending, resetPlan: false, afterExecution: false };
    }
    return {
      kind: "execute",
      reason: pending > 0 ? `plan approved except ${pending} weak match(es) awaiting review` : "plan approved automatically",
      finaliseNow: progress.execution.jobs === 0,
    };
  }
  const automatic = !plan.relocated && progress.autoApprove.has(type);
  const partly = pending > 0 && type === "erasure";
  if (automatic && (pending === 0 || partly)) {
    return { kind: "approve-plan", pendingReview: pending, planStatus: pending === 0 ? "approved" : "draft" };
  }
  const reason = plan.relocated
    ? "re-located: the plan waits for approval again"
    : pending > 0
      ? `${pending} weak match(es) await review`
      : `${type} plans are approved by a person`;
  return { kind: "review", reason, pendingReview: pending, resetPlan: true, afterExecution: false };
}
