import { describe, expect, it } from "vitest";
import { capabilityProblems } from "./capability-operations";

const none = { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false };
const operation = () => undefined;

describe("capabilityProblems", () => {
  it("finds nothing wrong when every declared capability has its operation and no other", () => {
    const candidate = {
      capabilities: { ...none, erase: { mode: "hard" }, restrict: true, rectify: { person: ["email"] }, recordingAudio: { recordType: "call" }, cardSweep: true },
      recordSchemas: { call: {} },
      erase: operation,
      restrict: operation,
      rectify: operation,
      openRecordingAudio: operation,
      sweepCardNumbers: operation,
    };
    expect(capabilityProblems(candidate)).toEqual([]);
  });

  it("names a capability declared without its operation, by the operation's name", () => {
    expect(capabilityProblems({ capabilities: { ...none, cardSweep: true, readBack: true } })).toEqual([
      "declares cardSweep but implements no sweepCardNumbers operation",
      "declares readBack but implements no readBack operation",
    ]);
  });

  it("names an operation implemented without its capability, false or absent alike", () => {
    expect(capabilityProblems({ capabilities: { ...none, rectify: false }, rectify: operation, restrict: operation })).toEqual([
      "implements rectify but does not declare rectify",
      "implements restrict but does not declare restrict",
    ]);
  });

  it("refuses recording audio for a record type with no schema", () => {
    const candidate = { capabilities: { ...none, recordingAudio: { recordType: "call" } }, recordSchemas: { person: {} }, openRecordingAudio: operation };
    expect(capabilityProblems(candidate)).toEqual(['declares recording audio for record type "call", which has no schema']);
  });

  it("ties countRecords to its operation and refuses counted record types with no schema", () => {
    expect(capabilityProblems({ capabilities: { ...none, countRecords: { recordTypes: ["person"] } }, recordSchemas: { person: {} }, countRecords: operation })).toEqual([]);
    expect(capabilityProblems({ capabilities: { ...none, countRecords: { recordTypes: ["call"] } }, recordSchemas: { person: {} } })).toEqual([
      "declares countRecords but implements no countRecords operation",
      'declares countRecords for record type "call", which has no schema',
    ]);
    expect(capabilityProblems({ capabilities: { ...none, countRecords: { recordTypes: [] } }, countRecords: operation })).toEqual([
      "declares countRecords without the record types it counts",
    ]);
  });

  it("pairs retention with findExpired and refuses a retention record type with no schema", () => {
    expect(capabilityProblems({ capabilities: { ...none, retention: { recordTypes: ["call"] } }, recordSchemas: { call: {} } })).toEqual([
      "declares retention but implements no findExpired operation",
    ]);
    const candidate = { capabilities: { ...none, retention: { recordTypes: ["call", "ticket"] } }, recordSchemas: { call: {} }, findExpired: operation };
    expect(capabilityProblems(candidate)).toEqual(['declares retention for record type "ticket", which has no schema']);
  });

  it("says so when there is no capabilities object to judge", () => {
    expect(capabilityProblems({})).toEqual(["it declares no capabilities object"]);
    expect(capabilityProblems(null)).toEqual(["it is not a connector definition"]);
  });
});
