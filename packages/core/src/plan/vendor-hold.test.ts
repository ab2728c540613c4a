import { describe, expect, it } from "vitest";
import type { ConnectorAbilities } from "./connector-abilities";
import { planAction, type ActionInput } from "./plan-action";
import { factsOf, vendorHoldOf } from "./vendor-hold";

/** A call recorder's: it deletes recordings and can redact a held one's non-essential data. */
const recorder: ConnectorAbilities = {
  capabilities: { locate: true, export: true, erase: { mode: "hard" }, redact: true, hold: true, discover: false, confirm: true },
  implements: { export: true, erase: true, rectify: false, restrict: false },
};

const input: ActionInput = {
  requestType: "erasure",
  connector: recorder,
  connectorId: "recorder",
  recordType: "recording",
  strength: "strong",
  review: "none",
  hold: null,
  changes: [],
  matchReasons: [],
};
const vendorHold = { basis: "Litigation hold: Smith v. Example Ltd", id: "LH-2025-017" };

describe("a hold the vendor reports when it locates a record", () => {
  it("is kept with the record's facts and read back from them", () => {
    const facts = factsOf({ ref: { type: "recording", id: "r1" }, matchedBy: [], discovered: [], facts: { tags: ["sales"] }, vendorHold });
    expect(facts).toEqual({ tags: ["sales"], vendorHold });
    expect(vendorHoldOf(facts)).toEqual(vendorHold);
    expect(vendorHoldOf({ tags: ["sales"] })).toBeNull();
    expect(vendorHoldOf({ vendorHold: { basis: " " } })).toBeNull();
  });

  it("plans `retain` naming the vendor's basis instead of an erasure the vendor would refuse", () => {
    const planned = planAction({ ...input, vendorHold });
    expect(planned).toMatchObject({ action: "retain", holdId: null, review: "none" });
    expect(planned.reason).toContain(vendorHold.basis);
    expect(planned.reason).toContain(vendorHold.id);
    expect(planAction({ ...input, vendorHold: null }).action).toBe("erase");
  });

  it("keeps the action for a weak match until review, and leaves a Lethe hold deciding first", () => {
    expect(planAction({ ...input, strength: "weak", vendorHold })).toMatchObject({ action: "retain", review: "pending" });
    const ours = { holdId: "h1", title: "Audit", basis: "Art. 17(3)(e)", redactNonEssential: true, retainUntil: null };
    expect(planAction({ ...input, hold: ours, vendorHold })).toMatchObject({ action: "redact", holdId: "h1" });
  });
});
