import { nextStep, requestStatusSchema, type NextStep, type RequestProgress } from "@lethe/core";
import type { IdentifierKind } from "@lethe/connector-sdk";
import {
  approvePlanItems,
  countPendingReview,
  enqueueJob,
  listConnectorInstances,
  listRequestTasks,
  setRequestLocateRound,
  setRequestPlanStatus,
  type Executor,
  type JobSpec,
  type RequestRow,
} from "@lethe/db";
import { type AuditInput } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import { identifierHashKey } from "../identifier-hash-key";
import { flagSuppressedIdentifiers } from "../minimisation/suppression-check";
import { buildPlan } from "../plan/build-plan";
import { discoverIdentifiers } from "../plan/discover-identifiers";
import { dispatchExecution } from "../plan/dispatch-execution";
import { enginePolicy } from "../plan/engine-policy";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestJob, taskNames } from "./jobs";
import { openLocateRound } from "./locate-round";

/** More steps than any path through `nextStep` takes in one pass: a bug, not a request. */
const maxStepsPerPass = 12;

/**
 * Takes a request's next steps: core's `nextStep` decides each (requests/next-step.ts says what
 * follows what); this carries it out — the writes, jobs and status changes — and asks again with
 * what it learnt, until the step waits on other work. Called by every task as it finishes (and by
 * the start job), with the request's row locked in the caller's transaction: of two tasks
 * finishing at once, the second waits for the first's commit and sees its task done, so exactly
 * one of them — the last — moves the request on.
 *
 * Returns the audit entries of what it did, for the caller to append in its transaction (one
 * multi-row insert with the caller's own entry: `appendAudits`; the sealer chains them later).
 */
export async function advanceRequest(tx: Executor, deps: RuntimeDependencies, request: RequestRow): Promise<AuditInput[]> {
  const progress: RequestProgress = {
    request: {
      type: request.type,
      status: requestStatusSchema.parse(request.status),
      locateRound: request.locateRound,
      locateDepth: request.locateDepth,
    },
    tasks: await listRequestTasks(tx, request.id),
    autoApprove: enginePolicy(deps).autoApprove,
  };
  const pass = new Pass(tx, deps, request);
  for (let steps = 0; steps < maxStepsPerPass; steps += 1) {
    const step = nextStep(progress);
    if (step.kind === "wait") return pass.audit;
    const learnt = await pass.carryOut(step, progress);
    if (learnt === "done") return pass.audit;
    Object.assign(progress, learnt);
  }
  throw new Error(`request ${request.id}: no settled step after ${maxStepsPerPass} steps`);
}

type Learnt = Partial<RequestProgress> | "done";

/** One pass of steps over a locked request: what it has written so far and will audit. */
class Pass {
  readonly audit: AuditInput[] = [];
  /** Per-action counts of the plan built in this pass (for the `request.executing` entry). */
  private counts: Record<string, number> = {};
  private jobs: JobSpec[] = [];

  constructor(
    private readonly tx: Executor,
    private readonly deps: RuntimeDependencies,
    private readonly request: RequestRow,
  ) {}

  async carryOut(step: Exclude<NextStep, { kind: "wait" }>, progress: RequestProgress): Promise<Learnt> {
    const { tx, request } = this;
    const requestId = request.id;
    switch (step.kind) {
      case "start-locating": {
        const instances = await listConnectorInstances(tx, { enabledOnly: true });
        const locating = await openLocateRound(tx, this.deps, requestId, instances);
        const { to } = await transitionRequest(tx, { requestId, to: "locating", actor: "system", reason: `locating on ${locating} connector instance(s)` });
        this.audit.push({ actor: "system", action: "request.locating", requestId, payload: { instances: instances.length, locating } });
        // Nothing to search (no instance enabled or installed): round 0 is over before it began.
        return locating > 0 ? "done" : { request: { ...progress.request, status: to } };
      }
      case "discover-identifiers":
        return { discovered: await this.discover(step.round) };
      case "open-locate-round": {
        await setRequestLocateRound(tx, requestId, step.round);
        const skip = new Set(step.skipInstances);
        const instances = (await listConnectorInstances(tx, { enabledOnly: true })).filter((instance) => !skip.has(instance.id));
        const locating = await openLocateRound(tx, this.deps, requestId, instances, step.round);
        this.audit.push({ actor: "system", action: "locate.round", requestId, payload: { round: step.round, discovered: step.discovered, instances: locating } });
        // No instance left to search (all disabled or uninstalled meanwhile): the round found nothing new.
        return locating > 0 ? "done" : { request: { ...progress.request, locateRound: step.round }, discovered: 0 };
      }
      case "build-plan": {
        const { counts, pendingReview, relocated } = await buildPlan(tx, this.deps, { ...request, locateRound: step.round });
        this.counts = counts;
        this.audit.push({ actor: "system", action: "plan.built", requestId, payload: { counts: this.counts, pendingReview, round: step.round } });
        return { plan: { relocated }, pendingReview };
      }
      case "count-pending-review":
        return { pendingReview: await countPendingReview(tx, requestId) };
      case "approve-plan": {
        const approved = await approvePlanItems(tx, requestId);
        await setRequestPlanStatus(tx, requestId, step.planStatus, step.planStatus === "approved" ? "system" : null);
        this.audit.push({ actor: "system", action: "plan.auto_approved", requestId, payload: { items: approved, pendingReview: step.pendingReview } });
        this.jobs = await dispatchExecution(tx, this.deps, request);
        return { execution: { jobs: this.jobs.length } };
      }
      case "execute": {
        await transitionRequest(tx, { requestId, to: "executing", actor: "system", reason: step.reason });
        const jobs = step.finaliseNow ? [requestJob(taskNames.finalise, requestId)] : this.jobs;
        for (const job of jobs) await enqueueJob(tx, job);
        this.audit.push({ actor: "system", action: "request.executing", requestId, payload: { jobs: jobs.length, counts: this.counts } });
        return "done";
      }
      case "review":
        if (step.resetPlan) await setRequestPlanStatus(tx, requestId, "draft");
        await transitionRequest(tx, { requestId, to: "review", actor: "system", reason: step.reason });
        if (step.afterExecution) {
          this.audit.push({ actor: "system", action: "request.review", requestId, payload: { pendingReview: step.pendingReview } });
        }
        return "done";
      case "finalise":
        await enqueueJob(tx, requestJob(taskNames.finalise, requestId));
        return "done";
    }
  }

  /**
   * Stores the identifiers the records of `round` revealed; someone erased before, found again
   * on a system's records (a restored backup), is flagged. Returns how many were new.
   */
  private async discover(round: number): Promise<number> {
    const { tx, deps, request } = this;
    const fresh = await discoverIdentifiers(tx, { requestId: request.id, round, defaultRegion: enginePolicy(deps).defaultRegion });
    if (deps.secretBox.deriveKey) {
      this.audit.push(
        ...(await flagSuppressedIdentifiers(tx, {
          key: identifierHashKey(deps),
          requestId: request.id,
          identifiers: fresh.map((row) => ({ kind: row.kind as IdentifierKind, value: row.value, ...(row.system ? { system: row.system } : {}) })),
          actor: "system",
          during: "locate",
        })),
      );
    }
    return fresh.length;
  }
}
