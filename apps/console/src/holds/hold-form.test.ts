import { createHoldBodySchema } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { connectorOptions, describeSelector, emptyHoldForm, holdBodyOf, holdState, instanceOptions } from "./hold-form";

const named = { ...emptyHoldForm(), title: " Dispute 7 ", basis: "Art. 17(3)(e)", owner: "Legal" };

describe("the hold form", () => {
  it("sends only the chosen scope's fields, in the API's shape", () => {
    const person = holdBodyOf({ ...named, scope: "person", identifiers: "ada@example.com\n\n +44 20 7946 0958 \n", caseId: "ignored" });
    expect(person).toEqual({
      title: "Dispute 7",
      basis: "Art. 17(3)(e)",
      owner: "Legal",
      redactNonEssential: false,
      selector: { scope: "person", identifiers: [{ kind: "email", value: "ada@example.com" }, { kind: "phone", value: "+44 20 7946 0958" }] },
    });
    expect(createHoldBodySchema.safeParse(person).success).toBe(true);

    const rule = holdBodyOf({ ...named, scope: "rule", recordType: "call", tag: "transaction", connectorId: " ", retainYears: "5", expiresOn: "2031-01-02" });
    expect(rule.selector).toEqual({ scope: "rule", recordType: "call", tag: "transaction", retainYears: 5 });
    expect(rule.expiresAt).toBe("2031-01-02T00:00:00.000Z");
    expect(createHoldBodySchema.safeParse(rule).success).toBe(true);

    const record = holdBodyOf({ ...named, scope: "record", instanceId: "11111111-1111-4111-8111-111111111111", recordType: "call", recordId: "c1" });
    expect(createHoldBodySchema.safeParse(record).success).toBe(true);
    expect(holdBodyOf({ ...named, scope: "case", caseId: " C-1 " }).selector).toEqual({ scope: "case", caseId: "C-1" });
  });

  it("lets the API refuse what is missing rather than guessing (an empty case id, no identifiers)", () => {
    expect(createHoldBodySchema.safeParse(holdBodyOf({ ...named, scope: "case" })).success).toBe(false);
    expect(createHoldBodySchema.safeParse(holdBodyOf({ ...named, scope: "person" })).success).toBe(false);
  });

  it("describes what a hold covers and whether it is in force", () => {
    expect(describeSelector({ scope: "person", selector: { identifierCount: 2 } })).toBe("a person named by 2 identifiers");
    expect(describeSelector({ scope: "rule", selector: { recordType: "call", tag: "transaction", retainYears: 5, from: "occurredAt" } })).toBe(
      "call records tagged transaction, 5 years from when they happened",
    );
    expect(describeSelector({ scope: "case", selector: { caseId: "D-7" } })).toBe("records of case D-7");
    const now = new Date("2026-01-01T00:00:00Z");
    expect(holdState({ endedAt: null, expiresAt: null }, now)).toBe("active");
    expect(holdState({ endedAt: null, expiresAt: "2025-12-31T00:00:00Z" }, now)).toBe("expired");
    expect(holdState({ endedAt: "2025-06-01T00:00:00Z", expiresAt: null }, now)).toBe("ended");
  });

  it("offers connections by name and connector, not by id, and names them in the list", () => {
    const crm = { id: "11111111-1111-4111-8111-111111111111", name: "CRM", connectorId: "salesforce", enabled: true };
    const calls = { id: "22222222-2222-4222-8222-222222222222", name: "Calls", connectorId: "recorder", enabled: false };
    expect(instanceOptions([crm, calls])).toEqual([
      { value: calls.id, label: "Calls (recorder, disabled)" },
      { value: crm.id, label: "CRM (salesforce)" },
    ]);
    expect(connectorOptions([{ id: "zendesk", title: "Zendesk" }, { id: "recorder", title: "Call recorder" }]).map((option) => option.value)).toEqual([
      "recorder",
      "zendesk",
    ]);
    const hold = { scope: "record" as const, selector: { instanceId: calls.id, recordType: "call", recordId: "c-9" } };
    expect(describeSelector(hold, new Map([[calls.id, "Calls"]]))).toBe("call c-9 on Calls");
    expect(describeSelector(hold)).toBe("call c-9 on instance 22222222…");
  });
});
