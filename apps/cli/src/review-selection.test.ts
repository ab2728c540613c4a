import type { RequestPlan } from "@lethe/runtime";
import { describe, expect, it } from "vitest";
import { pendingChoices, reasonClausesOf, reasonKeysOf, selectForReview } from "./review-selection";

type PlanItem = RequestPlan["items"][number];

function item(id: string, overrides: Partial<PlanItem>): PlanItem {
  return {
    id,
    instanceId: "00000000-0000-4000-8000-000000000001",
    instanceName: "demo-zendesk",
    connectorId: "zendesk",
    type: "ticket",
    recordId: id,
    label: null,
    strength: "weak",
    matchReasons: [],
    round: 1,
    action: "erase",
    reason: "awaiting review",
    hold: null,
    vendorHold: null,
    retainUntil: null,
    review: "pending",
    reviewedBy: null,
    approvedAction: null,
    changedSinceApproval: false,
    ...overrides,
  };
}

const sharedAndUncorroborated = "shared: 2 people in this system have this phone; uncorroborated: matched by phone only, and none of the user's e-mail addresses is the subject's";
const items: PlanItem[] = [
  item("z1", { matchReasons: [sharedAndUncorroborated] }),
  item("z2", { matchReasons: ["shared: 2 people in this system have this phone"] }),
  item("r1", { instanceId: "00000000-0000-4000-8000-000000000002", instanceName: "demo-recorder", matchReasons: ["uncorroborated: matched by address only"] }),
  item("r2", { instanceId: "00000000-0000-4000-8000-000000000002", instanceName: "demo-recorder", matchReasons: [] }),
  item("decided", { matchReasons: [sharedAndUncorroborated], review: "exclude", action: "skip" }),
  item("strong", { strength: "strong", review: "none" }),
];
const ids = (picked: PlanItem[]) => picked.map((each) => each.id);

describe("selectForReview", () => {
  it("picks every record still awaiting review without a filter, never a decided or strong one", () => {
    expect(ids(selectForReview(items, {}))).toEqual(["z1", "z2", "r1", "r2"]);
  });

  it("narrows to a system by instance name in any case, or by instance id", () => {
    expect(ids(selectForReview(items, { system: "DEMO-RECORDER" }))).toEqual(["r1", "r2"]);
    expect(ids(selectForReview(items, { system: "00000000-0000-4000-8000-000000000001" }))).toEqual(["z1", "z2"]);
    expect(ids(selectForReview(items, { system: "demo" }))).toEqual([]);
  });

  it("narrows to a reason by its key or by words of its text, and combines with the system", () => {
    expect(ids(selectForReview(items, { reason: "uncorroborated" }))).toEqual(["z1", "r1"]);
    expect(ids(selectForReview(items, { reason: "Matched by PHONE only" }))).toEqual(["z1"]);
    expect(ids(selectForReview(items, { reason: "weak identifier" }))).toEqual(["r2"]);
    expect(ids(selectForReview(items, { system: "demo-zendesk", reason: "shared" }))).toEqual(["z1", "z2"]);
    expect(ids(selectForReview(items, { system: "demo-recorder", reason: "shared" }))).toEqual([]);
  });
});

describe("reasons of a weak match", () => {
  it("splits a connector's joined reasons into clauses and keys them by the word before the colon", () => {
    expect(reasonClausesOf({ matchReasons: [sharedAndUncorroborated] })).toEqual([
      "shared: 2 people in this system have this phone",
      "uncorroborated: matched by phone only, and none of the user's e-mail addresses is the subject's",
    ]);
    expect(reasonKeysOf({ matchReasons: [sharedAndUncorroborated, "shared: 2 people in this system have this phone"] })).toEqual(["shared", "uncorroborated"]);
    expect(reasonKeysOf({ matchReasons: ["mentioned in another person's record: the address is redacted"] })).toEqual([
      "mentioned in another person's record: the address is redacted",
    ]);
  });

  it("lists the systems and reason keys that have records awaiting review, for a filter that found none", () => {
    expect(pendingChoices(items)).toEqual({
      systems: ["demo-recorder", "demo-zendesk"],
      reasons: ["matched only through a weak identifier", "shared", "uncorroborated"],
    });
  });
});
