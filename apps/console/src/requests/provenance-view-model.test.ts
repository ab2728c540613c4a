import type { ProvenanceGraph } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { decisionsFor, describeChange } from "./plan-review-view-model";
import { roundsOf } from "./provenance-view-model";

const instanceId = "11111111-1111-4111-8111-111111111111";
const graph: ProvenanceGraph = {
  rounds: 1,
  depth: 2,
  nodes: [
    { kind: "identifier", id: "i-email", identifierKind: "email", value: "ada@example.com", provenance: "given", strength: "strong", round: 0 },
    { kind: "identifier", id: "i-phone", identifierKind: "phone", value: "+447700900123", provenance: "discovered", strength: "weak", round: 1 },
    { kind: "record", id: "r-ada", instanceId, instanceName: "CRM", type: "person", recordId: "p1", label: "Person record", strength: "strong", round: 0 },
    { kind: "record", id: "r-partner", instanceId, instanceName: "CRM", type: "person", recordId: "p2", label: "Person record", strength: "weak", round: 1 },
  ],
  edges: [
    { from: "i-email", to: "r-ada", kind: "found", strength: "strong" },
    { from: "r-ada", to: "i-phone", kind: "revealed" },
    { from: "i-phone", to: "r-partner", kind: "found", strength: "weak" },
  ],
};

describe("the provenance list", () => {
  it("puts each identifier and record under its round with what revealed or found it", () => {
    const rounds = roundsOf(graph);
    expect(rounds.map((round) => round.round)).toEqual([0, 1]);
    expect(rounds[1]?.identifiers).toEqual([
      { id: "i-phone", label: "phone +447700900123", provenance: "discovered", strength: "weak", revealedBy: ["Person record p1"] },
    ]);
    expect(rounds[1]?.records).toEqual([
      { id: "r-partner", label: "Person record p2", system: "CRM", strength: "weak", foundBy: ["phone +447700900123"] },
    ]);
    expect(rounds[0]?.records[0]?.foundBy).toEqual(["email ada@example.com"]);
  });
});

describe("review decisions", () => {
  const item = (id: string, review: "none" | "pending", approvedAction: "erase" | null, changedSinceApproval = false) => ({
    id,
    instanceId,
    instanceName: "CRM",
    connectorId: "reference",
    type: "note",
    recordId: id,
    label: null,
    strength: review === "pending" ? ("weak" as const) : ("strong" as const),
    matchReasons: [],
    round: 0,
    action: "erase" as const,
    reason: "erase",
    hold: null,
    retainUntil: null,
    review,
    reviewedBy: null,
    approvedAction,
    changedSinceApproval,
  });
  const plan = {
    status: "draft" as const,
    approvedBy: null,
    approvedAt: null,
    pendingReview: 1,
    counts: { erase: 2 },
    items: [item("22222222-2222-4222-8222-222222222222", "none", "erase"), item("33333333-3333-4333-8333-333333333333", "pending", null, true)],
  };

  it("sends decisions only for ticked records still pending review", () => {
    const ticked = new Set(plan.items.map((entry) => entry.id));
    expect(decisionsFor(plan, ticked, "exclude")).toEqual([{ id: "33333333-3333-4333-8333-333333333333", decision: "exclude" }]);
  });

  it("says how an item differs from the approved plan", () => {
    expect(describeChange(plan.items[0]!)).toBeNull();
    expect(describeChange(plan.items[1]!)).toBe("new since approval");
    expect(describeChange({ ...plan.items[0]!, action: "skip", changedSinceApproval: true })).toBe("was erase");
  });
});
