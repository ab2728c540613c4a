import {
  approvePlanItems,
  countPendingReview,
  deleteCheckpointsWithPrefix,
  enqueueJob,
  listConnectorInstances,
  lockRequest,
  recordReviewDecisions,
  setRequestLocateRound,
  setRequestPlanStatus,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestJob, taskNames } from "../tasks/jobs";
import { openLocateRound } from "../tasks/locate-round";
import { dispatchExecution } from "./dispatch-execution";

/** A plan operation the request's state does not allow (HTTP 409), in words for the officer. */
export class PlanConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanConflictError";
  }
}

export class PlanRequestNotFoundError extends Error {
  constructor(readonly requestId: string) {
    super(`No request with id ${requestId}.`);
    this.name = "PlanRequestNotFoundError";
  }
}

type Deps = Pick<RuntimeDependencies, "database" | "registry">;

/**
 * Includes or excludes weak matches. Only items pending review can be decided, and only while
 * the request is in review: a decision on anything else is refused as a whole (409), so a stale
 * screen never half-applies.
 */
export async function reviewPlan(
  deps: Deps,
  input: { requestId: string; decisions: ReadonlyArray<{ id: string; decision: "include" | "exclude" }>; actor: string },
): Promise<{ changed: number; pendingReview: number }> {
  return deps.database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new PlanRequestNotFoundError(input.requestId);
    if (request.status !== "review") {
      throw new PlanConflictError(`The request is ${request.status}; records can be reviewed only while it is in review.`);
    }
    const ids = new Set(input.decisions.map((decision) => decision.id));
    const changed = await recordReviewDecisions(tx, { requestId: input.requestId, decisions: input.decisions, by: input.actor });
    if (changed.length !== ids.size) {
      throw new PlanConflictError(
        `${ids.size - changed.length} of the named records are not awaiting review (already decided, matched strongly, or not part of this request); nothing was changed.`,
      );
    }
    const pendingReview = await countPendingReview(tx, input.requestId);
    const included = input.decisions.filter((decision) => decision.decision === "include").length;
    await appendAudit(tx, {
      actor: input.actor,
      action: "plan.reviewed",
      requestId: input.requestId,
      payload: { included, excluded: input.decisions.length - included, pendingReview },
    });
    return { changed: changed.length, pendingReview };
  });
}

/** Approves the plan of a request in review and starts its execution; refused while items are pending. */
export async function approvePlan(
  deps: Pick<RuntimeDependencies, "database" | "registry">,
  input: { requestId: string; actor: string },
): Promise<{ approved: number; jobs: number }> {
  return deps.database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new PlanRequestNotFoundError(input.requestId);
    if (request.status !== "review") {
      throw new PlanConflictError(`The request is ${request.status}; a plan can be approved only while it is in review.`);
    }
    const pending = await countPendingReview(tx, input.requestId);
    if (pending > 0) {
      throw new PlanConflictError(`${pending} record(s) still await a review decision; include or exclude them first.`);
    }
    const approved = await approvePlanItems(tx, input.requestId);
    await setRequestPlanStatus(tx, input.requestId, "approved", input.actor);
    const jobs = await dispatchExecution(tx, deps as RuntimeDependencies, request);
    await transitionRequest(tx, { requestId: input.requestId, to: "executing", actor: input.actor, reason: "plan approved" });
    if (jobs.length === 0) jobs.push(requestJob(taskNames.finalise, input.requestId));
    for (const job of jobs) await enqueueJob(tx, job);
    await appendAudit(tx, {
      actor: input.actor,
      action: "plan.approved",
      requestId: input.requestId,
      payload: { items: approved, jobs: jobs.length },
    });
    return { approved, jobs: jobs.length };
  });
}

/**
 * Runs the locate fixpoint again from round 0 for a request in review (the systems may hold more
 * than when it was located). The plan is rebuilt at the fixpoint keeping every review decision;
 * items whose action differs from the approved one are marked changed, and the request waits in
 * review for approval again.
 */
export async function relocateRequest(
  deps: Pick<RuntimeDependencies, "database" | "registry">,
  input: { requestId: string; actor: string },
): Promise<{ instances: number }> {
  return deps.database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new PlanRequestNotFoundError(input.requestId);
    if (request.status !== "review") {
      throw new PlanConflictError(`The request is ${request.status}; it can be re-located only while it is in review.`);
    }
    await setRequestLocateRound(tx, input.requestId, 0);
    await setRequestPlanStatus(tx, input.requestId, "draft");
    await deleteCheckpointsWithPrefix(tx, `${input.requestId}:`);
    await transitionRequest(tx, { requestId: input.requestId, to: "locating", actor: input.actor, reason: "re-locate requested" });
    const instances = await openLocateRound(tx, deps as RuntimeDependencies, input.requestId, await listConnectorInstances(tx, { enabledOnly: true }));
    await appendAudit(tx, { actor: input.actor, action: "request.relocate", requestId: input.requestId, payload: { instances } });
    return { instances };
  });
}
