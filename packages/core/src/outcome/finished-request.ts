import { planSummary, summariseOutcome, type PlanItemFact, type RequestOutcome, type TaskFact } from "./request-outcome";
import { settledErasures, settledReceiptCounts, type ReceiptFact } from "./settled-erasure";

/** Everything the verdict on a finished request is drawn from, as stored. */
export interface FinishedRequest {
  type: string;
  tasks: readonly TaskFact[];
  /** Located records per instance and engine strength. */
  located: ReadonlyArray<{ instanceId: string; strength: string; count: number }>;
  receipts: readonly ReceiptFact[];
  plan: readonly PlanItemFact[];
  exportPath: string | null;
}

export interface FinishedRequestVerdict extends RequestOutcome {
  status: "completed" | "partially_completed";
  /** The status change's reason: the outcome's reasons, or that everything was dealt with. */
  reason: string;
}

/**
 * How a request whose tasks have all finished closes: `completed` when everything found was dealt
 * with and proven, otherwise `partially_completed` with the reasons (failed tasks, records still
 * present after erasure or lost though the plan kept them, records retained without a basis or
 * pending at the vendor, plan items skipped because a system cannot act on them). Records
 * excluded in review are reported, not a shortfall: a person decided they are not the subject's.
 */
export function finishedRequestVerdict(input: FinishedRequest): FinishedRequestVerdict {
  const instanceNames = new Map(input.tasks.map((task) => [task.instanceId, task.instanceName]));
  const nameOf = (instanceId: string) => instanceNames.get(instanceId) ?? instanceId;
  const outcome = summariseOutcome({
    type: input.type,
    tasks: input.tasks,
    located: input.located,
    receipts: settledReceiptCounts(input.receipts),
    pendingRecords: settledErasures(input.receipts)
      .filter((row) => row.outcome === "pending")
      .map((row) => ({ instanceId: row.instanceId, instanceName: nameOf(row.instanceId), type: row.recordType, id: row.recordId, jobId: row.pendingJobId })),
    unprovenRecords: input.receipts
      .filter((row) => row.phase === "verify" && row.outcome !== "verified")
      .map((row) => ({
        instanceId: row.instanceId,
        instanceName: nameOf(row.instanceId),
        type: row.recordType,
        id: row.recordId,
        outcome: row.outcome,
        detail: row.detail,
      })),
    exportPath: input.exportPath,
    plan: planSummary(input.plan),
    retainedWithoutBasis: retainedWithoutBasis(input.receipts, input.plan),
  });
  return {
    ...outcome,
    status: outcome.complete ? "completed" : "partially_completed",
    reason: outcome.reasons.length > 0 ? outcome.reasons.join("; ") : "every located record was dealt with",
  };
}

/**
 * Records a system kept that no legal basis accounts for: a retention is lawful when a Lethe
 * legal hold planned it (the plan item names the hold) or the system's own hold says why (the
 * receipt carries a basis, e.g. the recorder's deletion protection under MiFID II). Anything else
 * kept is a shortfall.
 */
export function retainedWithoutBasis(receipts: readonly ReceiptFact[], plan: readonly PlanItemFact[]): number {
  const keyOf = (instanceId: string, type: string, id: string) => `${instanceId}\u0000${type}/${id}`;
  const held = new Set(plan.filter((view) => view.hold !== null).map((view) => keyOf(view.record.instanceId, view.record.recordType, view.record.recordId)));
  return settledErasures(receipts).filter((row) => {
    if (row.outcome !== "retained") return false;
    const basis = (row.hold as { basis?: unknown } | null)?.basis;
    return !(typeof basis === "string" && basis.trim() !== "") && !held.has(keyOf(row.instanceId, row.recordType, row.recordId));
  }).length;
}
