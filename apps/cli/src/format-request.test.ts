import type { RequestDetail } from "@lethe/runtime";
import { describe, expect, it } from "vitest";
import { formatRequestDetail } from "./format-request";

const at = new Date("2026-12-07T10:00:00Z");
const instanceId = "00000000-0000-4000-8000-000000000001";

function detail(receipts: number): RequestDetail {
  return {
    request: {
      id: "0b6f0000-0000-4000-8000-000000000000",
      type: "erasure",
      regime: "gdpr",
      status: "completed",
      receivedAt: at,
      dueAt: at,
      timeZone: "UTC",
      exportPath: null,
      exportSha256: null,
      outcome: null,
      suppressionMatches: 0,
      minimisedAt: null,
      createdAt: at,
      updatedAt: at,
    },
    history: [{ from: null, to: "received", actor: "cli", reason: null, at }],
    identifiers: [
      { kind: "email", value: "ada@example.com", system: null, provenance: "given", strength: "strong" },
      { kind: "phone", value: "+447700900123", system: "demo-reference", provenance: "discovered", strength: "weak" },
    ],
    tasks: [{ instanceId, instanceName: "demo-reference", connectorId: "reference", connectorVersion: "0.1.0", phase: "erase", status: "done", attempts: 1, progress: null, lastError: null, updatedAt: at }],
    locatedRecords: [],
    receipts: Array.from({ length: receipts }, (_, n) => ({
      instanceId,
      connectorId: "reference",
      connectorVersion: "0.1.0",
      type: "note",
      id: `nte_${n}`,
      phase: "erase",
      outcome: "erased",
      detail: null,
      at,
    })),
    exportPath: null,
  };
}

describe("formatRequestDetail", () => {
  it("counts receipts per system, phase and outcome and lists only the given identifiers by default", () => {
    const text = formatRequestDetail(detail(300));
    expect(text).toContain("receipts: 300");
    expect(text).toMatch(/demo-reference\s+erase\s+erased\s+300/);
    expect(text).not.toContain("nte_1");
    expect(text).toContain("ada@example.com");
    expect(text).not.toContain("+447700900123");
    expect(text).toContain("1 more discovered while locating");
    expect(text.split("\n").length).toBeLessThan(30);
  });

  it("lists every receipt and identifier with verbose", () => {
    const text = formatRequestDetail(detail(3), { verbose: true });
    expect(text).toMatch(/erase\s+erased\s+note\/nte_2/);
    expect(text).toContain("+447700900123");
  });
});
