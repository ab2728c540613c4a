import type { RequestPlan } from "@lethe/runtime";
import { reasonClausesOf } from "./review-selection";
import { indent, table } from "./text-table";

type PlanItem = RequestPlan["items"][number];

/** The plan's actions in the order a reader weighs them: what changes the vendor's data first. */
const actionOrder = ["erase", "anonymise", "redact", "rectify", "restrict", "export", "retain", "skip"];

function byActionOrder(a: string, b: string): number {
  return (actionOrder.indexOf(a) + 1 || 99) - (actionOrder.indexOf(b) + 1 || 99);
}

/** "302 erase, 7 redact": counts per action, in `actionOrder`. */
export function countsByAction(items: readonly Pick<PlanItem, "action">[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.action, (counts.get(item.action) ?? 0) + 1);
  const parts = [...counts.keys()].sort(byActionOrder).map((action) => `${counts.get(action) ?? 0} ${action}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

/**
 * The plan at a glance: how many records per system and action, how many await review and why.
 * An erasure over the demo systems has hundreds of records; this fits a screen, `--verbose`
 * lists each.
 */
export function formatPlanSummary(plan: RequestPlan): string {
  const lines = [
    `plan      ${plan.status}${plan.approvedBy ? ` by ${plan.approvedBy}` : ""}`,
    `records   ${plan.items.length}: ${countsByAction(plan.items)}`,
    `pending   ${plan.pendingReview} awaiting review`,
  ];
  if (plan.items.length === 0) return lines.join("\n");

  const actions = [...new Set(plan.items.map((item) => item.action))].sort(byActionOrder);
  const systems = [...new Set(plan.items.map((item) => item.instanceName))].sort();
  const rows = systems.map((system) => {
    const ofSystem = plan.items.filter((item) => item.instanceName === system);
    return [
      system,
      ...actions.map((action) => String(ofSystem.filter((item) => item.action === action).length)),
      String(ofSystem.filter((item) => item.review === "pending").length),
    ];
  });
  lines.push("", "per system and action (for a record awaiting review: the action if included)", indent(table([["system", ...actions, "awaiting review"], ...rows])));

  const pending = plan.items.filter((item) => item.review === "pending");
  if (pending.length > 0) {
    const perReason = new Map<string, number>();
    for (const item of pending) for (const clause of reasonClausesOf(item)) perReason.set(clause, (perReason.get(clause) ?? 0) + 1);
    const reasons = [...perReason.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push("", "awaiting review, per reason (a record may have several)");
    for (const [reason, count] of reasons) lines.push(`  ${String(count).padStart(5)}  ${reason}`);
  }
  return lines.join("\n");
}

/**
 * Why an item gets its action, said once: the review column already says it awaits review or
 * was included, so the reason shows the match's reasons (pending) or the action's own reason.
 */
export function displayReason(item: Pick<PlanItem, "review" | "reason" | "matchReasons">): string {
  if (item.review === "pending") return reasonClausesOf(item).join("; ");
  if (item.review === "include") return item.reason.replace(/^included in review; /, "");
  return item.reason;
}

/** Every item of the plan, one line each (`--verbose`). */
export function formatPlanItems(plan: RequestPlan): string {
  const header = ["record", "system", "type/id", "match", "round", "action", "review", "reason"];
  const rows = plan.items.map((item) => [
    item.id,
    item.instanceName,
    `${item.type}/${item.recordId}`,
    item.strength,
    String(item.round),
    `${item.action}${item.changedSinceApproval ? " (changed)" : ""}`,
    item.review,
    displayReason(item),
  ]);
  return table([header, ...rows]);
}

export interface ApprovalCounts {
  /** Records this approval acts on, by action ("10 erase, 2 redact"), and how many. */
  acting: number;
  actingByAction: string;
  /** Excluded in review: skipped. */
  excluded: number;
  /** Retained (holds) or skipped for another reason (the connector cannot act): left as they are. */
  left: number;
  leftByAction: string;
  /** Approved earlier (an erasure's strong matches run before the review). */
  approvedEarlier: number;
}

/**
 * What an approval of `plan` (read just before it) approves: the items not pending whose
 * approved action differs from their action, as the engine's approvePlanItems picks them.
 */
export function approvalCounts(plan: RequestPlan): ApprovalCounts {
  const decided = plan.items.filter((item) => item.review !== "pending");
  const newly = decided.filter((item) => item.approvedAction !== item.action);
  const excluded = newly.filter((item) => item.review === "exclude");
  const acting = newly.filter((item) => item.review !== "exclude" && item.action !== "retain" && item.action !== "skip");
  const left = newly.filter((item) => item.review !== "exclude" && (item.action === "retain" || item.action === "skip"));
  return {
    acting: acting.length,
    actingByAction: countsByAction(acting),
    excluded: excluded.length,
    left: left.length,
    leftByAction: countsByAction(left),
    approvedEarlier: decided.length - newly.length,
  };
}

export function formatApproval(counts: ApprovalCounts): string {
  const lines = [`plan approved: ${counts.acting} record(s) to act on${counts.acting > 0 ? ` (${counts.actingByAction})` : ""}`];
  if (counts.excluded > 0) lines.push(`  ${counts.excluded} excluded in review: left alone`);
  if (counts.left > 0) lines.push(`  ${counts.left} left as they are (${counts.leftByAction})`);
  if (counts.approvedEarlier > 0) lines.push(`  ${counts.approvedEarlier} approved earlier (already carried out or under way)`);
  return lines.join("\n");
}
