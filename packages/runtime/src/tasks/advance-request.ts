import {
  countPendingReview,
  enqueueJob,
  listConnectorInstances,
  listRequestTasks,
  setRequestLocateRound,
  setRequestPlanStatus,
  type Executor,
  type RequestRow,
  type RequestTaskView,
} from "@lethe/db";
import { type AuditInput } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { IdentifierKind } from "@lethe/connector-sdk";
import { identifierHashKey } from "../identifier-hash-key";
import { flagSuppressedIdentifiers } from "../minimisation/suppression-check";
import { discoverIdentifiers } from "../plan/discover-identifiers";
import { enginePolicy } from "../plan/engine-policy";
import { settlePlan } from "../plan/settle-plan";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestJob, taskNames } from "./jobs";
import { openLocateRound } from "./locate-round";

const unfinished = (task: RequestTaskView) => task.status === "pending" || task.status === "running";

/**
 * Takes a request's next step once the tasks of its current phase are all finished. Called by
 * every task as it finishes, with the request's row locked in the caller's transaction: of two
 * tasks finishing at once, the second waits for the first's commit and sees its task done, so
 * exactly one of them — the last — moves the request on.
 *
 * - locating, every locate of round n finished → identifiers the records revealed are stored;
 *   new ones and n < depth → round n + 1 on every enabled instance; otherwise the fixpoint:
 *   the plan is built and settled (settle-plan.ts: executing or review).
 * - executing, every task finished → `review` when weak matches still wait for a decision (the
 *   approved part has run), else `finalise`.
 *
 * Returns the audit entries of what it did, for the caller to append last in its transaction:
 * the audit chain's lock serialises every writer until commit, so it is taken as late as possible.
 */
export async function advanceRequest(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
): Promise<AuditInput[]> {
  const tasks = await listRequestTasks(tx, request.id);
  if (tasks.some(unfinished)) return [];
  if (request.status === "locating") return afterLocateRound(tx, deps, request);
  if (request.status === "executing") {
    const pending = await countPendingReview(tx, request.id);
    if (pending > 0) {
      await setRequestPlanStatus(tx, request.id, "draft");
      await transitionRequest(tx, {
        requestId: request.id,
        to: "review",
        actor: "system",
        reason: `the approved part of the plan has run; ${pending} weak match(es) await review`,
      });
      return [{ actor: "system", action: "request.review", requestId: request.id, payload: { pendingReview: pending } }];
    }
    await enqueueJob(tx, requestJob(taskNames.finalise, request.id));
  }
  return [];
}

async function afterLocateRound(tx: Executor, deps: RuntimeDependencies, request: RequestRow): Promise<AuditInput[]> {
  const round = request.locateRound;
  const fresh = await discoverIdentifiers(tx, { requestId: request.id, round, defaultRegion: enginePolicy(deps).defaultRegion });
  // Someone erased before, found again on a system's records (a restored backup): flagged.
  const suppressed = deps.secretBox.deriveKey
    ? await flagSuppressedIdentifiers(tx, {
        key: identifierHashKey(deps),
        requestId: request.id,
        identifiers: fresh.map((row) => ({ kind: row.kind as IdentifierKind, value: row.value, ...(row.system ? { system: row.system } : {}) })),
        actor: "system",
        during: "locate",
      })
    : [];
  return [...suppressed, ...(await continueAfterDiscovery(tx, deps, request, fresh.length))];
}

async function continueAfterDiscovery(tx: Executor, deps: RuntimeDependencies, request: RequestRow, discovered: number): Promise<AuditInput[]> {
  const round = request.locateRound;
  if (discovered > 0 && round < request.locateDepth) {
    const next = round + 1;
    await setRequestLocateRound(tx, request.id, next);
    // An instance whose locate failed for good stays failed (the request ends partially
    // completed saying why); asking it again with more identifiers would fail the same way.
    const failed = new Set(
      (await listRequestTasks(tx, request.id)).filter((task) => task.phase === "locate" && task.status === "failed").map((task) => task.instanceId),
    );
    const instances = (await listConnectorInstances(tx, { enabledOnly: true })).filter((instance) => !failed.has(instance.id));
    const locating = await openLocateRound(tx, deps, request.id, instances, next);
    const audit: AuditInput = {
      actor: "system",
      action: "locate.round",
      requestId: request.id,
      payload: { round: next, discovered, instances: locating },
    };
    if (locating > 0) return [audit];
    // No instance left to search (all disabled or uninstalled meanwhile): the fixpoint is here.
    return [audit, ...(await settlePlan(tx, deps, { ...request, locateRound: next }))];
  }
  return settlePlan(tx, deps, request);
}
