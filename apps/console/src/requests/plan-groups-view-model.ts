import type { PlanAction, RequestPlan, ReviewDecisionsBody } from "@lethe/contracts";
import type { PlanItem } from "./plan-review-view-model";

/**
 * A plan's items by system and reason: hundreds of records usually come down to a handful of
 * groups ("erase — matched by e-mail", "weak match awaiting review — shared phone"), which is what
 * a reviewer decides on.
 */
export interface PlanGroup {
  key: string;
  instanceId: string;
  instanceName: string;
  reason: string;
  /** The actions its items take, most common first ("erase", or "erase, retain"). */
  actions: PlanAction[];
  items: PlanItem[];
  /** Items waiting for a review decision. */
  pending: number;
  included: number;
  excluded: number;
  /** Items under a Lethe or a vendor hold. */
  held: number;
}

export function planGroups(plan: RequestPlan): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const item of plan.items) {
    const key = `${item.instanceId}\u0000${item.reason}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, instanceId: item.instanceId, instanceName: item.instanceName, reason: item.reason, actions: [], items: [], pending: 0, included: 0, excluded: 0, held: 0 };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.review === "pending") group.pending += 1;
    if (item.review === "include") group.included += 1;
    if (item.review === "exclude") group.excluded += 1;
    if (item.hold || item.vendorHold) group.held += 1;
  }
  for (const group of groups.values()) group.actions = actionsByFrequency(group.items);
  // Groups needing a decision first, then by system and reason, so the work is at the top.
  return [...groups.values()].sort(
    (a, b) => Number(b.pending > 0) - Number(a.pending > 0) || a.instanceName.localeCompare(b.instanceName) || a.reason.localeCompare(b.reason),
  );
}

function actionsByFrequency(items: readonly PlanItem[]): PlanAction[] {
  const counts = new Map<PlanAction, number>();
  for (const item of items) counts.set(item.action, (counts.get(item.action) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([action]) => action);
}

/** The review API takes at most this many decisions a call (`reviewDecisionsBodySchema`). */
export const reviewBatchSize = 5000;

/**
 * The review calls that include or exclude every record of a group still awaiting review; decided
 * records are left as they are. Empty when nothing in the group is pending.
 */
export function groupDecisionBatches(group: PlanGroup, decision: "include" | "exclude", batchSize = reviewBatchSize): ReviewDecisionsBody[] {
  const decisions = group.items.filter((item) => item.review === "pending").map((item) => ({ id: item.id, decision }));
  const batches: ReviewDecisionsBody[] = [];
  for (let start = 0; start < decisions.length; start += batchSize) batches.push({ decisions: decisions.slice(start, start + batchSize) });
  return batches;
}

/** How many of a group's rows an expanded group shows at first, and adds per "show more". */
export const groupRowPage = 25;
