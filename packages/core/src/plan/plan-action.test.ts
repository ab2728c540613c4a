import type { LocatedRecord } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import type { ConnectorAbilities } from "./connector-abilities";
import { planAction, type ActionInput } from "./plan-action";
import { mentionOf, storedFacts } from "./record-relation";

function connectorWith(redact: boolean): ConnectorAbilities {
  return {
    capabilities: { locate: true, export: true, erase: { mode: "hard" }, redact, hold: false, discover: false, confirm: false },
    implements: { export: true, erase: true, rectify: false, restrict: false },
  };
}

const bystandersCase: LocatedRecord = {
  ref: { type: "Case", id: "500A" },
  matchedBy: [{ identifier: { kind: "email", value: "ada@example.com" }, strength: "strong" }],
  discovered: [],
  relation: "mentions",
  mentionFields: ["Description", "Description"],
};

function input(overrides: Partial<ActionInput>): ActionInput {
  return {
    requestType: "erasure",
    connector: connectorWith(true),
    connectorId: "crm",
    recordType: "Case",
    strength: "strong",
    review: "none",
    hold: null,
    changes: [],
    matchReasons: [],
    mention: mentionOf(storedFacts(bystandersCase)),
    ...overrides,
  };
}

describe("another person's record that mentions the subject", () => {
  it("is redacted in the fields holding the mention, never erased", () => {
    const planned = planAction(input({}));
    expect(planned).toMatchObject({ action: "redact", review: "none" });
    expect(planned.reason).toContain("Description");
    expect(planned.reason).not.toContain("Description, Description");
  });

  it("is skipped with the reason when the connector cannot redact: not deleted, not silently kept", () => {
    const planned = planAction(input({ connector: connectorWith(false) }));
    expect(planned.action).toBe("skip");
    expect(planned.reason).toMatch(/cannot redact/);
  });

  it("waits for review when the mention is a weak match, and is redacted once included", () => {
    expect(planAction(input({ strength: "weak", matchReasons: ["shared number"] }))).toMatchObject({ action: "redact", review: "pending" });
    expect(planAction(input({ strength: "weak", review: "include" }))).toMatchObject({ action: "redact", review: "include" });
    expect(planAction(input({ strength: "weak", review: "exclude" }))).toMatchObject({ action: "skip", review: "exclude" });
  });

  it("gives way to a legal hold that keeps the record", () => {
    const hold = { holdId: "h1", title: "Dispute", basis: "Art. 17(3)(e)", redactNonEssential: false, retainUntil: null };
    expect(planAction(input({ hold })).action).toBe("retain");
  });

  it("leaves the subject's own records to erasure, and other request types as they were", () => {
    expect(planAction(input({ mention: undefined })).action).toBe("erase");
    expect(planAction(input({ requestType: "access" })).action).toBe("export");
  });

  it("is stored with the record's facts and read back; facts without it mean the subject's record", () => {
    expect(storedFacts(bystandersCase)).toEqual({ relation: "mentions", mentionFields: ["Description"] });
    expect(mentionOf({ tags: ["x"] })).toBeUndefined();
    expect(mentionOf(null)).toBeUndefined();
    expect(storedFacts({ ...bystandersCase, relation: undefined, facts: { tags: ["vip"] } })).toEqual({ tags: ["vip"] });
  });
});

describe("a connector that redacts only mentions", () => {
  it("gets redact for a mention (capabilities.mentions) but keeps retaining held records whole", () => {
    const mentionsOnly = { ...connectorWith(false), capabilities: { ...connectorWith(false).capabilities, mentions: true } };
    expect(planAction(input({ connector: mentionsOnly })).action).toBe("redact");
    const hold = { holdId: "h1", title: "Dispute", basis: "Art. 17(3)(e)", redactNonEssential: true, retainUntil: null };
    expect(planAction(input({ connector: mentionsOnly, mention: undefined, hold })).action).toBe("retain");
  });
});
