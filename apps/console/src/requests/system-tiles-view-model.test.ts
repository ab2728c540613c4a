import type { ConnectorProgress, LocatedRecordView, ReceiptView, RequestDetail, RequestPlan } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { overallProgress, systemTiles } from "./system-tiles-view-model";

const crm = "00000000-0000-4000-8000-000000000001";
const recorder = "00000000-0000-4000-8000-000000000002";
const at = (second: number) => `2026-03-10T12:00:${String(second).padStart(2, "0")}Z`;

const located = (instanceId: string, id: string, strength = "strong"): LocatedRecordView => ({ instanceId, type: "contact", id, strength, label: null, matchedBy: null });
const receipt = (instanceId: string, id: string, phase: string, outcome: string, second: number): ReceiptView => ({
  instanceId,
  connectorId: "reference",
  connectorVersion: "1.0.0",
  type: "contact",
  id,
  phase,
  outcome,
  detail: null,
  at: at(second),
});
const progress = (instanceId: string, instanceName: string, phase: string, status: string, second: number, lastError: string | null = null): ConnectorProgress => ({
  instanceId,
  instanceName,
  connectorId: "reference",
  connectorVersion: "1.0.0",
  phase,
  status,
  attempts: 1,
  progress: { records: 3 },
  lastError,
  updatedAt: at(second),
});

function detail(change: Partial<RequestDetail>): RequestDetail {
  return {
    request: {} as RequestDetail["request"],
    history: [],
    identifiers: [],
    progress: [],
    locatedRecords: [],
    receipts: [],
    extensions: [],
    verification: null,
    export: { available: false, sha256: null },
    ...change,
  };
}

describe("the request page's per-system tiles", () => {
  it("counts what became of each located record, the latest phase settling it", () => {
    const tiles = systemTiles(
      detail({
        progress: [progress(crm, "CRM", "locate", "succeeded", 1), progress(crm, "CRM", "erase", "running", 5), progress(recorder, "Recorder", "erase", "failed", 6, "vendor refused")],
        locatedRecords: [located(crm, "a"), located(crm, "b"), located(crm, "c"), located(crm, "d"), located(crm, "e"), located(recorder, "r1"), located(recorder, "r2"), located(recorder, "r3", "weak")],
        receipts: [
          receipt(crm, "a", "erase", "pending", 2),
          receipt(crm, "a", "confirm", "erased", 3),
          receipt(crm, "b", "erase", "retained", 2),
          receipt(crm, "c", "erase", "erased", 2),
          receipt(crm, "c", "verify", "still-present", 4),
          receipt(crm, "d", "erase", "pending", 2),
          receipt(recorder, "r1", "erase", "redacted", 2),
          receipt(recorder, "r1", "verify", "verified", 3),
        ],
      }),
      {
        status: "approved",
        approvedBy: "dpo@example.com",
        approvedAt: at(1),
        pendingReview: 0,
        counts: {},
        items: [{ instanceId: recorder, type: "contact", recordId: "r3", action: "skip", review: "exclude" }],
      } as unknown as RequestPlan,
    );
    expect(tiles.map((tile) => tile.name)).toEqual(["CRM", "Recorder"]);
    const [crmTile, recorderTile] = tiles;
    expect(crmTile?.counts).toMatchObject({ located: 5, erased: 1, retained: 1, failed: 1, waiting: 2, redacted: 0, skipped: 0 });
    expect(crmTile?.settled).toBe(3);
    expect(crmTile?.activity).toEqual({ phase: "erase", status: "running", progress: "records: 3", lastError: null });
    expect(crmTile?.problem).toBe(true);
    expect(recorderTile?.counts).toMatchObject({ located: 3, redacted: 1, skipped: 1, waiting: 1, failed: 0 });
    expect(recorderTile?.activity?.lastError).toBe("vendor refused");
    expect(recorderTile?.problem).toBe(true);
    expect(overallProgress(tiles)).toEqual({ settled: 5, located: 8 });
  });

  it("shows a system that is still locating, with nothing found yet", () => {
    const tiles = systemTiles(detail({ progress: [progress(crm, "CRM", "locate", "running", 1)] }), null);
    expect(tiles).toEqual([
      expect.objectContaining({ name: "CRM", settled: 0, problem: false, activity: expect.objectContaining({ phase: "locate", status: "running" }) }),
    ]);
    expect(tiles[0]?.counts.located).toBe(0);
  });
});
