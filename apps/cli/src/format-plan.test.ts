import type { RequestPlan } from "@lethe/runtime";
import { describe, expect, it } from "vitest";
import { approvalCounts, displayReason, formatApproval, formatPlanSummary } from "./format-plan";

type PlanItem = RequestPlan["items"][number];

function item(id: string, overrides: Partial<PlanItem>): PlanItem {
  return {
    id,
    instanceId: `instance-of-${overrides.instanceName ?? "demo-zendesk"}`,
    instanceName: "demo-zendesk",
    connectorId: "zendesk",
    type: "ticket",
    recordId: id,
    label: null,
    strength: "strong",
    matchReasons: [],
    round: 0,
    action: "erase",
    reason: "erase",
    hold: null,
    vendorHold: null,
    retainUntil: null,
    review: "none",
    reviewedBy: null,
    approvedAction: null,
    changedSinceApproval: false,
    ...overrides,
  };
}

function plan(items: PlanItem[]): RequestPlan {
  const counts: Record<string, number> = {};
  for (const each of items) counts[each.action] = (counts[each.action] ?? 0) + 1;
  return { status: "draft", approvedBy: null, approvedAt: null, pendingReview: items.filter((each) => each.review === "pending").length, counts, items };
}

const shared = "shared: 3 callers in this recorder use this phone";
const pendingReason = `awaiting review (${shared}); if included: erase`;

describe("formatPlanSummary", () => {
  it("counts records per system and action and awaiting review per reason, in a few lines for hundreds of records", () => {
    const items = [
      ...Array.from({ length: 300 }, (_, n) => item(`s${n}`, { instanceName: "demo-salesforce", approvedAction: "erase" })),
      ...Array.from({ length: 80 }, (_, n) => item(`r${n}`, { instanceName: "demo-recorder", strength: "weak", review: "pending", matchReasons: [shared], reason: pendingReason })),
      item("held", { instanceName: "demo-recorder", action: "retain", reason: "held" }),
    ];
    const text = formatPlanSummary(plan(items));
    expect(text.split("\n").length).toBeLessThan(20);
    expect(text).toContain("records   381: 380 erase, 1 retain");
    expect(text).toContain("pending   80 awaiting review");
    expect(text).toMatch(/demo-recorder\s+80\s+1\s+80/);
    expect(text).toMatch(/demo-salesforce\s+300\s+0\s+0/);
    expect(text).toMatch(/80 {2}shared: 3 callers in this recorder use this phone/);
  });
});

describe("displayReason", () => {
  it("says why a record awaits review once, without repeating the review state or the action", () => {
    expect(displayReason({ review: "pending", reason: pendingReason, matchReasons: [shared] })).toBe(shared);
    expect(displayReason({ review: "include", reason: "included in review; erase", matchReasons: [shared] })).toBe("erase");
    expect(displayReason({ review: "exclude", reason: "excluded in review", matchReasons: [shared] })).toBe("excluded in review");
  });
});

describe("approvalCounts", () => {
  it("counts what the approval acts on by action, apart from excluded, retained or skipped, and earlier approvals", () => {
    const before = plan([
      item("done", { approvedAction: "erase" }),
      item("in1", { strength: "weak", review: "include" }),
      item("in2", { strength: "weak", review: "include", action: "redact" }),
      item("ex1", { strength: "weak", review: "exclude", action: "skip" }),
      item("ex2", { strength: "weak", review: "exclude", action: "skip" }),
      item("held", { strength: "weak", review: "include", action: "retain" }),
    ]);
    const counts = approvalCounts(before);
    expect(counts).toEqual({ acting: 2, actingByAction: "1 erase, 1 redact", excluded: 2, left: 1, leftByAction: "1 retain", approvedEarlier: 1 });
    expect(formatApproval(counts)).toBe(
      ["plan approved: 2 record(s) to act on (1 erase, 1 redact)", "  2 excluded in review: left alone", "  1 left as they are (1 retain)", "  1 approved earlier (already carried out or under way)"].join("\n"),
    );
  });
});
