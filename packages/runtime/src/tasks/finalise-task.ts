import { isTerminal, requestStatusSchema } from "@lethe/core";
import {
  countLocatedRecords,
  listReceipts,
  deleteCheckpointsWithPrefix,
  listPlanItems,
  listRequestTasks,
  lockRequest,
  type PlanItemView,
  type ReceiptRow,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestPayloadSchema } from "./jobs";
import { planSummary, summariseOutcome } from "./request-outcome";
import { settledErasures, settledReceiptCounts } from "./settled-erasure";

/**
 * Closes a request whose tasks have all finished: `completed` when everything found was dealt
 * with and proven, otherwise `partially_completed` with the reasons in the outcome (failed tasks,
 * records still present after erasure or lost though the plan kept them, records retained or pending at the vendor, plan items
 * skipped because a system cannot act on them). Records excluded in review are reported, not a
 * shortfall: a person decided they are not the subject's. Its resumable checkpoints are deleted; receipts and the audit
 * trail stay.
 */
export function finaliseTask(deps: RuntimeDependencies): Task {
  return async (rawPayload) => {
    const { requestId } = requestPayloadSchema.parse(rawPayload);
    await deps.database.db.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      if (!request) return;
      const status = requestStatusSchema.parse(request.status);
      if (isTerminal(status) || (status !== "executing" && status !== "locating")) return;
      const tasks = await listRequestTasks(tx, requestId);
      if (tasks.some((task) => task.status === "pending" || task.status === "running")) return;

      const receipts = await listReceipts(tx, { requestId });
      const plan = await listPlanItems(tx, { requestId });
      const instanceNames = new Map(tasks.map((task) => [task.instanceId, task.instanceName]));
      const outcome = summariseOutcome({
        type: request.type,
        tasks,
        located: await countLocatedRecords(tx, requestId),
        receipts: settledReceiptCounts(receipts),
        pendingRecords: settledErasures(receipts)
          .filter((row) => row.outcome === "pending")
          .map((row) => ({
            instanceId: row.instanceId,
            instanceName: instanceNames.get(row.instanceId) ?? row.instanceId,
            type: row.recordType,
            id: row.recordId,
            jobId: row.pendingJobId,
          })),
        unprovenRecords: receipts
          .filter((row) => row.phase === "verify" && row.outcome !== "verified")
          .map((row) => ({
            instanceId: row.instanceId,
            instanceName: instanceNames.get(row.instanceId) ?? row.instanceId,
            type: row.recordType,
            id: row.recordId,
            outcome: row.outcome,
            detail: row.detail,
          })),
        exportPath: request.exportPath,
        plan: planSummary(plan),
        retainedWithoutBasis: retainedWithoutBasis(receipts, plan),
      });
      const to = outcome.complete ? "completed" : "partially_completed";
      await transitionRequest(tx, {
        requestId,
        to,
        actor: "system",
        reason: outcome.reasons.length > 0 ? outcome.reasons.join("; ") : "every located record was dealt with",
        outcome: outcome.details,
      });
      await deleteCheckpointsWithPrefix(tx, `${requestId}:`);
      await appendAudit(tx, {
        actor: "system",
        action: `request.${to}`,
        requestId,
        payload: outcome.auditPayload,
      });
    });
  };
}

/**
 * Records a system kept that no legal basis accounts for: a retention is lawful when a Lethe
 * legal hold planned it (the plan item names the hold) or the system's own hold says why (the
 * receipt carries a basis, e.g. the recorder's deletion protection under MiFID II). Anything else
 * kept is a shortfall.
 */
function retainedWithoutBasis(receipts: readonly ReceiptRow[], plan: readonly PlanItemView[]): number {
  const keyOf = (instanceId: string, type: string, id: string) => `${instanceId}\u0000${type}/${id}`;
  const held = new Set(plan.filter((view) => view.hold !== null).map((view) => keyOf(view.record.instanceId, view.record.recordType, view.record.recordId)));
  return settledErasures(receipts).filter((row) => {
    if (row.outcome !== "retained") return false;
    const basis = (row.hold as { basis?: unknown } | null)?.basis;
    return !(typeof basis === "string" && basis.trim() !== "") && !held.has(keyOf(row.instanceId, row.recordType, row.recordId));
  }).length;
}
