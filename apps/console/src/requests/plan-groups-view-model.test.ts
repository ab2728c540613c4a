import type { RequestPlan } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { groupDecisionBatches, planGroups } from "./plan-groups-view-model";
import type { PlanItem } from "./plan-review-view-model";

const crm = "00000000-0000-4000-8000-000000000001";
const desk = "00000000-0000-4000-8000-000000000002";
let next = 0;

function item(instanceId: string, reason: string, change: Partial<PlanItem> = {}): PlanItem {
  next += 1;
  return {
    id: `10000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    instanceId,
    instanceName: instanceId === crm ? "CRM" : "Help desk",
    connectorId: "reference",
    type: "contact",
    recordId: `rec-${next}`,
    label: null,
    strength: "strong",
    matchReasons: [],
    round: 1,
    action: "erase",
    reason,
    hold: null,
    retainUntil: null,
    review: "none",
    reviewedBy: null,
    approvedAction: null,
    changedSinceApproval: false,
    ...change,
  };
}

function plan(items: PlanItem[]): RequestPlan {
  return { status: "draft", approvedBy: null, approvedAt: null, pendingReview: items.filter((i) => i.review === "pending").length, counts: {}, items };
}

describe("the plan grouped by system and reason", () => {
  it("folds hundreds of rows into one group per system and reason, the ones awaiting review first", () => {
    const weak = (review: PlanItem["review"]) => item(desk, "weak match: shared phone", { strength: "weak", review, action: review === "exclude" ? "skip" : "erase" });
    const items = [
      ...Array.from({ length: 300 }, () => item(crm, "matched by e-mail")),
      item(crm, "matched by e-mail", { action: "retain", hold: { id: crm, title: "Litigation", basis: "Art. 17(3)(e)" } }),
      weak("pending"),
      weak("pending"),
      weak("exclude"),
      weak("include"),
    ];
    const groups = planGroups(plan(items));
    expect(groups.map((g) => [g.instanceName, g.reason, g.items.length])).toEqual([
      ["Help desk", "weak match: shared phone", 4],
      ["CRM", "matched by e-mail", 301],
    ]);
    expect(groups[0]).toMatchObject({ pending: 2, excluded: 1, included: 1, actions: ["erase", "skip"] });
    expect(groups[1]).toMatchObject({ pending: 0, held: 1, actions: ["erase", "retain"] });
  });

  it("decides only a group's records still awaiting review, in batches the API accepts", () => {
    const pending = [1, 2, 3].map(() => item(desk, "weak", { review: "pending", strength: "weak" }));
    const decided = item(desk, "weak", { review: "exclude", strength: "weak", action: "skip" });
    const [group] = planGroups(plan([...pending, decided]));
    if (!group) throw new Error("no group");
    expect(groupDecisionBatches(group, "include", 2)).toEqual([
      { decisions: pending.slice(0, 2).map((p) => ({ id: p.id, decision: "include" })) },
      { decisions: pending.slice(2).map((p) => ({ id: p.id, decision: "include" })) },
    ]);
    const [settled] = planGroups(plan([decided]));
    if (!settled) throw new Error("no group");
    expect(groupDecisionBatches(settled, "exclude")).toEqual([]);
  });
});
