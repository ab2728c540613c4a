import { describe, expect, it } from "vitest";
import { UnreadableHoldError } from "./hold-selector";
import { selectHold, type HoldableRecord, type LegalHold } from "./select-hold";

const now = new Date("2026-06-01T12:00:00Z");
const instanceId = "11111111-1111-4111-8111-111111111111";
const call: HoldableRecord = {
  instanceId,
  connectorId: "reference",
  recordType: "call",
  recordId: "c-1",
  facts: { tags: ["transaction"], caseIds: ["DISPUTE-7"], occurredAt: "2023-03-10T09:00:00Z" },
};

let next = 0;
function hold(scope: string, selector: unknown, extra: Partial<LegalHold> = {}): LegalHold {
  next += 1;
  return { id: `hold-${String(next).padStart(3, "0")}`, scope, selector, title: `${scope} hold`, basis: `basis of ${scope}`, redactNonEssential: false, ...extra };
}

const none = new Set<string>();

describe("which legal hold keeps a record", () => {
  it("none when no hold covers it", () => {
    const holds = [
      hold("record", { instanceId, recordType: "call", recordId: "c-2" }),
      hold("case", { caseId: "OTHER" }),
      hold("person", { identifierHashes: ["aa"] }),
    ];
    expect(selectHold(holds, call, new Set(["bb"]), now)).toBeNull();
    expect(selectHold([], call, none, now)).toBeNull();
  });

  it("a person hold covers every record of a subject one of whose identifier hashes it names", () => {
    const person = hold("person", { identifierHashes: ["aa", "bb"] });
    expect(selectHold([person], call, new Set(["zz", "bb"]), now)).toEqual({
      holdId: person.id,
      title: "person hold",
      basis: "basis of person",
      redactNonEssential: false,
      retainUntil: null,
      reason: 'held by "person hold" (basis of person)',
    });
    expect(selectHold([person], call, none, now)).toBeNull();
  });

  it("a record hold covers exactly its instance, type and id", () => {
    const record = hold("record", { instanceId, recordType: "call", recordId: "c-1" });
    expect(selectHold([record], call, none, now)?.holdId).toBe(record.id);
    expect(selectHold([record], { ...call, recordType: "attachment" }, none, now)).toBeNull();
    expect(selectHold([record], { ...call, recordId: "c-10" }, none, now)).toBeNull();
    expect(selectHold([record], { ...call, instanceId: "22222222-2222-4222-8222-222222222222" }, none, now)).toBeNull();
  });

  it("a case hold covers records carrying the case id among their case ids or tags", () => {
    const dispute = hold("case", { caseId: "DISPUTE-7" });
    expect(selectHold([dispute], call, none, now)?.holdId).toBe(dispute.id);
    expect(selectHold([dispute], { ...call, facts: { tags: ["DISPUTE-7"] } }, none, now)?.holdId).toBe(dispute.id);
    expect(selectHold([dispute], { ...call, facts: {} }, none, now)).toBeNull();
  });

  it("a rule hold keeps matching records for its years from when they happened, then lets them go", () => {
    const mifid = hold(
      "rule",
      { connectorId: "reference", recordType: "call", tag: "transaction", retainYears: 5, from: "occurredAt" },
      { title: "MiFID call recordings", basis: "MiFID II Art. 16(7)" },
    );
    const found = selectHold([mifid], call, none, now);
    expect(found).toMatchObject({ holdId: mifid.id, basis: "MiFID II Art. 16(7)" });
    expect(found?.retainUntil?.toISOString()).toBe("2028-03-10T09:00:00.000Z");
    expect(found?.reason).toBe('held by "MiFID call recordings" (MiFID II Art. 16(7)) until 2028-03-10T09:00:00.000Z');

    const at = (occurredAt: string) => ({ ...call, facts: { ...call.facts, occurredAt } });
    expect(selectHold([mifid], at("2021-05-31T12:00:00Z"), none, now)).toBeNull();
    // The term ends at the very moment it ends: a record whose term ends now is released.
    expect(selectHold([mifid], at("2021-06-01T12:00:00Z"), none, now)).toBeNull();
    expect(selectHold([mifid], at("2021-06-01T12:00:01Z"), none, now)).not.toBeNull();
    expect(selectHold([mifid], { ...call, facts: { ...call.facts, tags: ["chat"] } }, none, now)).toBeNull();
    expect(selectHold([mifid], { ...call, recordType: "note" }, none, now)).toBeNull();
    expect(selectHold([mifid], { ...call, connectorId: "recorder" }, none, now)).toBeNull();
  });

  it("counts a rule hold's years in calendar years: 29 February plus one year is 1 March", () => {
    const rule = hold("rule", { retainYears: 1, from: "occurredAt" });
    const leap = { ...call, facts: { occurredAt: "2026-02-28T00:00:00Z" } };
    expect(selectHold([rule], leap, none, new Date("2026-03-01T00:00:00Z"))?.retainUntil?.toISOString()).toBe("2027-02-28T00:00:00.000Z");
    const leapDay = { ...call, facts: { occurredAt: "2028-02-29T00:00:00Z" } };
    expect(selectHold([rule], leapDay, none, new Date("2028-03-01T00:00:00Z"))?.retainUntil?.toISOString()).toBe("2029-03-01T00:00:00.000Z");
  });

  it("a rule hold keeps a record whose date is unknown or unreadable until the hold ends, and says so", () => {
    const rule = hold("rule", { tag: "transaction", retainYears: 5, from: "occurredAt" });
    const undated = selectHold([rule], { ...call, facts: { tags: ["transaction"] } }, none, now);
    expect(undated?.retainUntil).toBeNull();
    expect(undated?.reason).toMatch(/date is unknown/);
    expect(selectHold([rule], { ...call, facts: { tags: ["transaction"], occurredAt: "last tuesday" } }, none, now)?.retainUntil).toBeNull();
  });

  describe("when several holds overlap", () => {
    const five = hold("rule", { tag: "transaction", retainYears: 5, from: "occurredAt" });
    const seven = hold("rule", { recordType: "call", retainYears: 7, from: "occurredAt" }, { title: "seven" });
    const dispute = hold("case", { caseId: "DISPUTE-7" });
    const exact = hold("record", { instanceId, recordType: "call", recordId: "c-1" });

    it("the one keeping the record longest wins, in any order", () => {
      expect(selectHold([five, seven], call, none, now)?.holdId).toBe(seven.id);
      expect(selectHold([seven, five], call, none, now)?.holdId).toBe(seven.id);
    });

    it("an indefinite hold beats any date", () => {
      const found = selectHold([five, dispute, seven], call, none, now);
      expect(found?.holdId).toBe(dispute.id);
      expect(found?.retainUntil).toBeNull();
    });

    it("equally long holds are broken by the lowest id, the same on every worker", () => {
      expect(selectHold([exact, dispute], call, none, now)?.holdId).toBe(dispute.id);
      expect(selectHold([dispute, exact], call, none, now)?.holdId).toBe(dispute.id);
    });

    it("a hold that lets the record go does not hide one that keeps it", () => {
      const old = { ...call, facts: { ...call.facts, occurredAt: "2020-01-01T00:00:00Z" } };
      expect(selectHold([five, seven], old, none, now)?.holdId).toBe(seven.id);
    });

    it("carries the winner's redaction choice", () => {
      const redacting = hold("case", { caseId: "DISPUTE-7" }, { redactNonEssential: true, id: "hold-000" });
      expect(selectHold([dispute, redacting], call, none, now)).toMatchObject({ holdId: "hold-000", redactNonEssential: true });
    });
  });

  it("stops on a stored hold it cannot read rather than guess", () => {
    expect(() => selectHold([hold("rule", { retainYears: "five" })], call, none, now)).toThrow(UnreadableHoldError);
    expect(() => selectHold([hold("galaxy", {})], call, none, now)).toThrow(/cannot read/);
  });
});
