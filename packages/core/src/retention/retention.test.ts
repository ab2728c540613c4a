import { describe, expect, it } from "vitest";
import type { LegalHold } from "../holds/select-hold";
import { InvalidRetentionPeriodError, isRetentionPeriod, retentionCutoff } from "./retention-cutoff";
import { retentionDecision, type ExpiredRecordFacts } from "./retention-decision";
import { retentionFingerprint } from "./retention-fingerprint";

const now = new Date("2026-03-31T12:00:00Z");

describe("retentionCutoff", () => {
  it("steps the calendar for years and months and counts days as 24 hours", () => {
    expect(retentionCutoff(now, "P90D").toISOString()).toBe("2025-12-31T12:00:00.000Z");
    expect(retentionCutoff(now, "P2Y").toISOString()).toBe("2024-03-31T12:00:00.000Z");
    expect(retentionCutoff(now, "P1M").toISOString()).toBe("2026-03-03T12:00:00.000Z");
    expect(retentionCutoff(now, "P1WT1H30M").toISOString()).toBe("2026-03-24T10:30:00.000Z");
  });

  it("refuses zero, negative, fractional calendar and malformed periods", () => {
    for (const period of ["P0D", "-P1D", "P1.5M", "90 days", "P", ""]) {
      expect(isRetentionPeriod(period), period).toBe(false);
      expect(() => retentionCutoff(now, period)).toThrow(InvalidRetentionPeriodError);
    }
    expect(isRetentionPeriod("PT0.5S")).toBe(true);
  });
});

describe("retentionFingerprint", () => {
  const terms = { instanceId: "i-1", recordType: "recording", period: "P90D", action: "erase" as const, keepWhenTagged: ["b", "a"] };

  it("is the same for the same terms in another order and differs when any term changes", () => {
    const fingerprint = retentionFingerprint(terms);
    expect(retentionFingerprint({ ...terms, keepWhenTagged: ["a", "b", "a"] })).toBe(fingerprint);
    expect(retentionFingerprint({ ...terms, period: "P91D" })).not.toBe(fingerprint);
    expect(retentionFingerprint({ ...terms, keepWhenTagged: ["a"] })).not.toBe(fingerprint);
    expect(retentionFingerprint({ ...terms, instanceId: "i-2" })).not.toBe(fingerprint);
  });
});

describe("retentionDecision", () => {
  const record: ExpiredRecordFacts = {
    instanceId: "i-1",
    connectorId: "recorder",
    recordType: "recording",
    recordId: "rec_1",
    facts: { occurredAt: "2025-01-01T00:00:00Z", tags: ["consent:quality-training"] },
  };
  const base = { keepWhenTagged: [] as string[], holds: [] as LegalHold[], personHashes: new Set<string>(), now };
  const personHold: LegalHold = { id: "h-1", title: "Dispute", basis: "litigation", scope: "person", selector: { identifierHashes: ["abc"] }, redactNonEssential: false };

  it("erases a record nothing keeps", () => {
    expect(retentionDecision(record, base)).toEqual({ action: "erase" });
  });

  it("keeps a record the vendor holds, a legal hold covers, or that carries a kept tag, saying why", () => {
    expect(retentionDecision({ ...record, vendorHold: { basis: "Regulatory inquiry", id: "LH-1" } }, base)).toEqual({
      action: "keep",
      reason: "held by the vendor (Regulatory inquiry, LH-1)",
    });
    expect(retentionDecision(record, { ...base, holds: [personHold], personHashes: new Set(["abc"]) })).toMatchObject({ action: "keep", holdId: "h-1" });
    expect(retentionDecision(record, { ...base, holds: [personHold], personHashes: new Set(["other"]) })).toEqual({ action: "erase" });
    expect(retentionDecision(record, { ...base, keepWhenTagged: ["consent:quality-training"] })).toEqual({
      action: "keep",
      reason: "tagged consent:quality-training, which the schedule keeps",
    });
  });
});
