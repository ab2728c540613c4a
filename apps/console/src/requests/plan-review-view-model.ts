import type { RequestPlan } from "@lethe/contracts";

export type PlanItem = RequestPlan["items"][number];

/** Items a reviewer can decide now: pending review. */
export function pendingItems(plan: RequestPlan): PlanItem[] {
  return plan.items.filter((item) => item.review === "pending");
}

/** The decisions to send for the ticked records: only those still pending. */
export function decisionsFor(
  plan: RequestPlan,
  selected: ReadonlySet<string>,
  decision: "include" | "exclude",
): Array<{ id: string; decision: "include" | "exclude" }> {
  return pendingItems(plan)
    .filter((item) => selected.has(item.id))
    .map((item) => ({ id: item.id, decision }));
}

/** "erase → skip" for an item whose action changed since the approved plan. */
export function describeChange(item: PlanItem): string | null {
  if (!item.changedSinceApproval) return null;
  return item.approvedAction ? `was ${item.approvedAction}` : "new since approval";
}

export interface ProvenanceRound {
  round: number;
  identifiers: Array<{ id: string; label: string; provenance: string; strength: string; revealedBy: string[] }>;
  records: Array<{ id: string; label: string; system: string; strength: string; foundBy: string[] }>;
}
