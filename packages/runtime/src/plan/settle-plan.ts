import {
  approvePlanItems,
  countPendingReview,
  enqueueJob,
  listPlanItems,
  setRequestPlanStatus,
  type Executor,
  type RequestRow,
} from "@lethe/db";
import { type AuditInput } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestJob, taskNames } from "../tasks/jobs";
import { buildPlan } from "./build-plan";
import { dispatchExecution } from "./dispatch-execution";
import { enginePolicy } from "./engine-policy";

/**
 * The fixpoint is reached: builds the plan and decides where the request goes.
 *
 * - Auto-approved type (LETHE_AUTO_APPROVE) and nothing pending → approved, `executing`.
 * - Erasure with weak matches pending → the decided items are approved and run now (`executing`),
 *   the pending ones wait; the request moves to `review` when the run ends. A bystander's review
 *   must not hold back the subject's erasure ("without undue delay", Art. 17(1)). An access bundle
 *   is written once, complete, so access/portability wait in `review` instead.
 * - A plan that was approved before (a re-locate), or a type that needs a person → `review`.
 */
export async function settlePlan(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
): Promise<AuditInput[]> {
  const counts = await buildPlan(tx, deps, request);
  const pending = await countPendingReview(tx, request.id);
  const relocated = (await listPlanItems(tx, { requestId: request.id })).some((view) => view.item.approvedAt !== null);
  const automatic = !relocated && enginePolicy(deps).autoApprove.has(request.type);
  const partly = pending > 0 && request.type === "erasure";
  const audit: AuditInput[] = [
    { actor: "system", action: "plan.built", requestId: request.id, payload: { counts, pendingReview: pending, round: request.locateRound } },
  ];

  if (automatic && (pending === 0 || partly)) {
    const approved = await approvePlanItems(tx, request.id);
    await setRequestPlanStatus(tx, request.id, pending === 0 ? "approved" : "draft", pending === 0 ? "system" : null);
    audit.push({ actor: "system", action: "plan.auto_approved", requestId: request.id, payload: { items: approved, pendingReview: pending } });
    const jobs = await dispatchExecution(tx, deps, request);
    if (jobs.length === 0 && pending > 0) {
      await transitionRequest(tx, { requestId: request.id, to: "review", actor: "system", reason: `${pending} weak match(es) await review` });
      return audit;
    }
    await transitionRequest(tx, {
      requestId: request.id,
      to: "executing",
      actor: "system",
      reason: pending > 0 ? `plan approved except ${pending} weak match(es) awaiting review` : "plan approved automatically",
    });
    if (jobs.length === 0) jobs.push(requestJob(taskNames.finalise, request.id));
    for (const job of jobs) await enqueueJob(tx, job);
    audit.push({ actor: "system", action: "request.executing", requestId: request.id, payload: { jobs: jobs.length, counts } });
    return audit;
  }

  await setRequestPlanStatus(tx, request.id, "draft");
  await transitionRequest(tx, {
    requestId: request.id,
    to: "review",
    actor: "system",
    reason: relocated
      ? "re-located: the plan waits for approval again"
      : pending > 0
        ? `${pending} weak match(es) await review`
        : `${request.type} plans are approved by a person`,
  });
  return audit;
}
