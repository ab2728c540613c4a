import { describe, expect, it } from "vitest";
import type { ConnectorAbilities } from "./connector-abilities";
import { notApplicablePrefix, planAction, type ActionInput } from "./plan-action";

const everything: ConnectorAbilities = {
  capabilities: {
    locate: true,
    export: true,
    erase: { mode: "hard" },
    redact: true,
    hold: false,
    discover: false,
    confirm: false,
    rectify: { contact: ["email", "phone"], note: [] },
    restrict: true,
  },
  implements: { export: true, erase: true, rectify: true, restrict: true },
};
const without = (change: (abilities: ConnectorAbilities) => void): ConnectorAbilities => {
  const copy = structuredClone(everything);
  change(copy);
  return copy;
};

const base: ActionInput = {
  requestType: "erasure",
  connector: everything,
  connectorId: "crm",
  recordType: "contact",
  strength: "strong",
  review: "none",
  hold: null,
  changes: [{ field: "email", value: "new@example.com" }],
  matchReasons: [],
};
const hold = { holdId: "h1", title: "Dispute", basis: "Art. 17(3)(e)", redactNonEssential: false, retainUntil: new Date("2030-01-01Z") };

describe("the plan action of a record, by request type and connector", () => {
  it.each<{ case: string; input: Partial<ActionInput>; action: string; reason?: RegExp }>([
    { case: "connector not installed", input: { connector: undefined }, action: "skip", reason: /not installed on this worker/ },
    { case: "access: export", input: { requestType: "access" }, action: "export" },
    { case: "portability: export", input: { requestType: "portability" }, action: "export" },
    { case: "access, no export capability", input: { requestType: "access", connector: without((c) => (c.capabilities.export = false)) }, action: "skip", reason: /cannot export/ },
    { case: "access, export declared but not implemented", input: { requestType: "access", connector: without((c) => (c.implements.export = false)) }, action: "skip" },
    { case: "erasure: erase", input: {}, action: "erase" },
    { case: "erasure, anonymising connector", input: { connector: without((c) => (c.capabilities.erase = { mode: "anonymise" })) }, action: "anonymise" },
    { case: "erasure, connector cannot erase", input: { connector: without((c) => (c.capabilities.erase = false)) }, action: "skip", reason: /cannot erase/ },
    { case: "erasure, erase not implemented", input: { connector: without((c) => (c.implements.erase = false)) }, action: "skip" },
    { case: "erasure under a hold", input: { hold }, action: "retain", reason: /held by "Dispute"/ },
    { case: "erasure under a redacting hold", input: { hold: { ...hold, redactNonEssential: true } }, action: "redact", reason: /non-essential/ },
    {
      case: "redacting hold, connector cannot redact",
      input: { hold: { ...hold, redactNonEssential: true }, connector: without((c) => (c.capabilities.redact = false)) },
      action: "retain",
    },
    { case: "hold's own reason", input: { hold: { ...hold, reason: "held until the hold ends" } }, action: "retain", reason: /^held until the hold ends$/ },
    { case: "vendor hold", input: { vendorHold: { basis: "litigation" } }, action: "retain", reason: /held by the vendor \(litigation\)/ },
    { case: "rectification of a field the record holds", input: { requestType: "rectification" }, action: "rectify", reason: /^rectify email$/ },
    { case: "rectification, no such field on the record", input: { requestType: "rectification", changes: [{ field: "address", value: "x" }] }, action: "skip", reason: new RegExp(`^${notApplicablePrefix}`) },
    { case: "rectification of a record type with no fields", input: { requestType: "rectification", recordType: "note" }, action: "skip", reason: new RegExp(`^${notApplicablePrefix}`) },
    { case: "rectification, connector cannot rectify", input: { requestType: "rectification", connector: without((c) => (c.capabilities.rectify = false)) }, action: "skip", reason: /cannot rectify/ },
    { case: "restriction", input: { requestType: "restriction" }, action: "restrict" },
    { case: "restriction, connector cannot restrict", input: { requestType: "restriction", connector: without((c) => (c.implements.restrict = false)) }, action: "skip", reason: /cannot restrict/ },
    { case: "an unknown request type", input: { requestType: "objection" }, action: "skip", reason: /no action is defined/ },
  ])("$case → $action", ({ input, action, reason }) => {
    const planned = planAction({ ...base, ...input });
    expect(planned.action).toBe(action);
    expect(planned.review).toBe("none");
    if (reason) expect(planned.reason).toMatch(reason);
  });

  it("a hold's id and term go on the item; field updates only on a rectification", () => {
    expect(planAction({ ...base, hold })).toMatchObject({ holdId: "h1", retainUntil: hold.retainUntil, fieldUpdates: null });
    expect(planAction({ ...base, requestType: "rectification" }).fieldUpdates).toEqual([{ field: "email", value: "new@example.com" }]);
  });

  it("a weak match keeps its action pending review with why it is weak; excluded is skipped, included runs", () => {
    const weak = { ...base, strength: "weak" as const };
    expect(planAction({ ...weak, matchReasons: ["shared phone", "same name"] })).toMatchObject({
      action: "erase",
      review: "pending",
      reason: "awaiting review (shared phone; same name); if included: erase",
    });
    expect(planAction(weak).reason).toMatch(/matched only through a weak identifier/);
    expect(planAction({ ...weak, review: "exclude" })).toMatchObject({ action: "skip", review: "exclude", reason: "excluded in review" });
    expect(planAction({ ...weak, review: "include" })).toMatchObject({ action: "erase", review: "include", reason: "included in review; erase" });
  });

  it("a strong match ignores a stale review decision", () => {
    expect(planAction({ ...base, review: "exclude" })).toMatchObject({ action: "erase", review: "none" });
  });
});
