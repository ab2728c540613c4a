import type { DashboardMetrics } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { onTimeChart, openByStatusChart, openBySystemChart, overdueTrendChart, percent, receivedClosedChart, weekLabel } from "./dashboard-metrics-view-model";

const metrics: DashboardMetrics = {
  generatedAt: "2026-12-09T12:00:00.000Z",
  weeks: [
    { weekStart: "2026-11-23T00:00:00.000Z", received: 3, closed: 0, closedOnTime: 0, onTimeRate: null, overdue: 0 },
    { weekStart: "2026-11-30T00:00:00.000Z", received: 1, closed: 3, closedOnTime: 2, onTimeRate: 2 / 3, overdue: 2 },
    { weekStart: "2026-12-07T00:00:00.000Z", received: 2, closed: 1, closedOnTime: 1, onTimeRate: 1, overdue: 1 },
  ],
  openByStatus: [
    { status: "partially_completed", count: 1 },
    { status: "review", count: 2 },
  ],
  openBySystem: [{ instanceId: "11111111-1111-4111-8111-111111111111", name: "CRM", connectorId: "salesforce", count: 2 }],
};

const empty: DashboardMetrics = {
  generatedAt: metrics.generatedAt,
  weeks: metrics.weeks.map((week) => ({ ...week, received: 0, closed: 0, closedOnTime: 0, onTimeRate: null, overdue: 0 })),
  openByStatus: [],
  openBySystem: [],
};

describe("dashboard charts", () => {
  it("labels weeks by their Monday in UTC, whatever the viewer's zone", () => {
    expect(weekLabel("2026-12-07T00:00:00.000Z")).toBe("7 Dec");
  });

  it("shows received and closed per week with their totals in the summary", () => {
    const chart = receivedClosedChart(metrics);
    expect(chart.labels).toEqual(["23 Nov", "30 Nov", "7 Dec"]);
    expect(chart.columns).toEqual([
      { label: "Received", values: [3, 1, 2] },
      { label: "Closed", values: [0, 3, 1] },
    ]);
    expect(chart.summary).toBe("Requests per week over the last 3 weeks: 6 received, 4 closed.");
    expect(chart.hasData).toBe(true);
  });

  it("gives the on-time rate in whole per cent, leaving weeks without closures empty rather than 0 %", () => {
    const chart = onTimeChart(metrics);
    expect(chart.columns[0]?.values).toEqual([null, 67, 100]);
    expect(chart.summary).toBe("75% of the 4 requests closed in the last 3 weeks were closed by their due date.");
    expect(percent(null)).toBeNull();
  });

  it("says the overdue count now and its peak", () => {
    expect(overdueTrendChart(metrics).summary).toBe("1 request is overdue now; at most 2 at the end of any of the last 3 weeks.");
  });

  it("counts open requests by status and by connection in words", () => {
    expect(openByStatusChart(metrics)).toMatchObject({ labels: ["partially completed", "review"], summary: "3 open: 1 partially completed, 2 review." });
    expect(openBySystemChart(metrics)).toMatchObject({ labels: ["CRM (salesforce)"], summary: "Open requests per connection: CRM 2." });
  });

  it("marks every chart as empty when there is nothing to count", () => {
    for (const chart of [receivedClosedChart, onTimeChart, overdueTrendChart, openByStatusChart, openBySystemChart]) {
      expect(chart(empty).hasData).toBe(false);
    }
    expect(onTimeChart(empty).summary).toBe("No request was closed in the last 3 weeks, so there is no on-time rate yet.");
  });
});
