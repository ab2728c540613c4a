import { describe, expect, it } from "vitest";
import { approvalState, describeCounts, describePeriod, describeSchedule, retentionConnections, scheduleBodyOf, scheduleFormOf } from "./retention-form";

describe("the retention schedule form", () => {
  it("sends trimmed fields, an upper-case period and the keep-tags split on commas", () => {
    expect(
      scheduleBodyOf({ name: " Calls ", connectorInstance: "i-1", recordType: " recording ", period: "p90d", keepWhenTagged: "consent:quality-training, , vip " }),
    ).toEqual({ name: "Calls", connectorInstance: "i-1", recordType: "recording", period: "P90D", action: "erase", keepWhenTagged: ["consent:quality-training", "vip"] });
  });

  it("fills the form with a schedule to change it, and sends the same definition back", () => {
    const schedule = { name: "Calls", instanceId: "i-1", recordType: "recording", period: "P90D", keepWhenTagged: ["consent:quality-training", "vip"] };
    const form = scheduleFormOf(schedule);
    expect(form.keepWhenTagged).toBe("consent:quality-training, vip");
    expect(scheduleBodyOf(form)).toEqual({ name: "Calls", connectorInstance: "i-1", recordType: "recording", period: "P90D", action: "erase", keepWhenTagged: ["consent:quality-training", "vip"] });
  });

  it("offers only connections whose connector can find records by age, with its record types", () => {
    const instances = [
      { id: "b", name: "Recorder", connectorId: "recorder" },
      { id: "a", name: "CRM", connectorId: "reference" },
    ];
    const none = { locate: true, export: true, erase: false, redact: false, hold: false, discover: false, confirm: false } as const;
    const types = [
      { id: "recorder", capabilities: { ...none, retention: { recordTypes: ["recording"] } } },
      { id: "reference", capabilities: none },
    ];
    expect(retentionConnections(instances, types)).toEqual([{ value: "b", label: "Recorder (recorder)", recordTypes: ["recording"] }]);
  });

  it("describes periods, schedules, approval and counts in words", () => {
    expect(describePeriod("P90D")).toBe("90 days");
    expect(describePeriod("P1Y6M")).toBe("1 year 6 months");
    expect(describePeriod("PT12H")).toBe("PT12H");
    expect(describeSchedule({ recordType: "recording", period: "P2Y", keepWhenTagged: ["consent:quality-training"] })).toBe(
      "erase recording records after 2 years, unless tagged consent:quality-training",
    );
    expect(approvalState({ approval: null })).toBe("waiting for approval");
    expect(describeCounts({ kind: "preview", counts: { found: 7, erase: 3, keep: 4 } })).toBe("found 7: would erase 3, keep 4");
    expect(describeCounts({ kind: "sweep", counts: { found: 7, erase: 3, keep: 4, erased: 2, pending: 1 } })).toBe("found 7: erase 3, keep 4 — erased 2, pending 1");
  });
});
