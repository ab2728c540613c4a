import { describe, expect, it } from "vitest";
import { executionPhases, type ApprovedItem } from "./execution-phases";

const item = (instanceId: string, recordKey: string, approvedAction: string | null): ApprovedItem => ({
  instanceId,
  connectorId: `connector-${instanceId}`,
  recordKey,
  approvedAction,
});

describe("which execution tasks an approved plan needs", () => {
  it("one erase task per instance for erase, anonymise, redact and retain items", () => {
    const items = ["erase", "anonymise", "redact", "retain"].map((action, index) => item("a", `r${index}`, action));
    expect(executionPhases(items, new Set())).toEqual([{ instanceId: "a", connectorId: "connector-a", phases: ["erase"] }]);
  });

  it("export, rectify and restrict items have tasks of their own phase; skipped and unapproved ones none", () => {
    const items = [item("a", "r1", "export"), item("b", "r2", "rectify"), item("b", "r3", "restrict"), item("c", "r4", "skip"), item("c", "r5", null)];
    expect(executionPhases(items, new Set())).toEqual([
      { instanceId: "a", connectorId: "connector-a", phases: ["export"] },
      { instanceId: "b", connectorId: "connector-b", phases: ["rectify", "restrict"] },
    ]);
  });

  it("does not erase again what already has an erase receipt (the part approved after review runs alone)", () => {
    const items = [item("a", "a/r1", "erase"), item("a", "a/r2", "erase"), item("b", "b/r3", "retain")];
    expect(executionPhases(items, new Set(["a/r1", "b/r3"]))).toEqual([{ instanceId: "a", connectorId: "connector-a", phases: ["erase"] }]);
    expect(executionPhases(items, new Set(["a/r1", "a/r2", "b/r3"]))).toEqual([]);
  });

  it("an empty plan needs no task", () => {
    expect(executionPhases([], new Set())).toEqual([]);
  });
});
