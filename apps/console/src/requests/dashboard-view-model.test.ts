import type { RequestSummary } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { dashboardModel, describeDaysLeft, urgencyOf } from "./dashboard-view-model";

function request(id: string, overrides: Partial<RequestSummary>): RequestSummary {
  return {
    id,
    type: "erasure",
    regime: "gdpr",
    status: "locating",
    receivedAt: "2026-01-01T00:00:00Z",
    dueAt: "2026-02-01T00:00:00Z",
    daysLeft: 20,
    timeZone: "UTC",
    extension: null,
    exportAvailable: false,
    suppressionMatches: 0,
    minimisedAt: null,
    outcome: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

describe("the dashboard's view of requests", () => {
  it("lists only open requests, soonest due first", () => {
    const model = dashboardModel([
      request("late", { dueAt: "2026-03-01T00:00:00Z" }),
      request("done", { status: "completed", dueAt: "2025-01-01T00:00:00Z" }),
      request("early", { dueAt: "2026-01-15T00:00:00Z" }),
    ]);
    expect(model.open.map((r) => r.id)).toEqual(["early", "late"]);
  });

  it("counts overdue and due-soon open requests, and every request by status and type", () => {
    const model = dashboardModel([
      request("a", { daysLeft: -2 }),
      request("b", { daysLeft: 0, type: "access" }),
      request("c", { daysLeft: 7 }),
      request("d", { daysLeft: 8 }),
      request("e", { daysLeft: -30, status: "completed" }),
    ]);
    expect([model.overdue, model.dueSoon]).toEqual([1, 2]);
    expect(model.overdueRequests.map((r) => r.id)).toEqual(["a"]);
    expect(model.dueSoonRequests.map((r) => r.id).sort()).toEqual(["b", "c"]);
    expect(model.byStatus).toEqual([
      { status: "locating", count: 4 },
      { status: "completed", count: 1 },
    ]);
    expect(model.byType).toEqual([
      { type: "access", count: 1 },
      { type: "erasure", count: 4 },
    ]);
  });

  it("never calls a closed request overdue", () => {
    expect(urgencyOf({ status: "cancelled", daysLeft: -10 })).toBe("closed");
    expect(urgencyOf({ status: "review", daysLeft: -1 })).toBe("overdue");
  });

  it("says how many days are left in words", () => {
    expect([describeDaysLeft(1), describeDaysLeft(0), describeDaysLeft(-3)]).toEqual(["1 day left", "due today", "3 days overdue"]);
  });
});
