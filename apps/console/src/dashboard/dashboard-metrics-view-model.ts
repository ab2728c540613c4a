import type { DashboardMetrics } from "@lethe/contracts";

/**
 * What the dashboard's charts draw and say, from the API's counts. Every chart has a sentence
 * (its accessible name) and a table (its text alternative) built here from the same numbers, so
 * what a screen reader hears is what the chart shows.
 */

export interface ChartColumn {
  label: string;
  values: Array<number | null>;
}

export interface ChartModel {
  /** The x-axis (or category) labels. */
  labels: string[];
  columns: ChartColumn[];
  /** One sentence: what the chart shows, with its most telling numbers. */
  summary: string;
  /** False when every value is 0 or missing: the chart shows "nothing yet" instead. */
  hasData: boolean;
}

/** "7 Dec" for the week starting Monday 7 December (UTC, the weeks' own zone). */
export function weekLabel(weekStart: string): string {
  return new Date(weekStart).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** 0.8333 → 83 (whole per cent); null stays null (nothing closed: no rate). */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}

function anyValue(columns: ChartColumn[]): boolean {
  return columns.some((column) => column.values.some((value) => value !== null && value > 0));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function receivedClosedChart(metrics: DashboardMetrics): ChartModel {
  const received = metrics.weeks.map((week) => week.received);
  const closed = metrics.weeks.map((week) => week.closed);
  const columns = [
    { label: "Received", values: received },
    { label: "Closed", values: closed },
  ];
  return {
    labels: metrics.weeks.map((week) => weekLabel(week.weekStart)),
    columns,
    summary: `Requests per week over the last ${metrics.weeks.length} weeks: ${sum(received)} received, ${sum(closed)} closed.`,
    hasData: anyValue(columns),
  };
}

export function onTimeChart(metrics: DashboardMetrics): ChartModel {
  const rates = metrics.weeks.map((week) => percent(week.onTimeRate));
  const closed = sum(metrics.weeks.map((week) => week.closed));
  const onTime = sum(metrics.weeks.map((week) => week.closedOnTime));
  const overall = closed === 0 ? null : Math.round((onTime / closed) * 100);
  return {
    labels: metrics.weeks.map((week) => weekLabel(week.weekStart)),
    columns: [{ label: "Closed on time (%)", values: rates }],
    summary:
      overall === null
        ? `No request was closed in the last ${metrics.weeks.length} weeks, so there is no on-time rate yet.`
        : `${overall}% of the ${closed} requests closed in the last ${metrics.weeks.length} weeks were closed by their due date.`,
    hasData: closed > 0,
  };
}

export function overdueTrendChart(metrics: DashboardMetrics): ChartModel {
  const overdue = metrics.weeks.map((week) => week.overdue);
  const columns = [{ label: "Overdue at week's end", values: overdue }];
  const latest = overdue.at(-1) ?? 0;
  const peak = Math.max(0, ...overdue);
  return {
    labels: metrics.weeks.map((week) => weekLabel(week.weekStart)),
    columns,
    summary: `${latest} request${latest === 1 ? " is" : "s are"} overdue now; at most ${peak} at the end of any of the last ${metrics.weeks.length} weeks.`,
    hasData: anyValue(columns),
  };
}

/** `partially_completed` → `partially completed`. */
function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}

export function openByStatusChart(metrics: DashboardMetrics): ChartModel {
  const columns = [{ label: "Open requests", values: metrics.openByStatus.map((entry) => entry.count) }];
  const total = sum(metrics.openByStatus.map((entry) => entry.count));
  return {
    labels: metrics.openByStatus.map((entry) => statusLabel(entry.status)),
    columns,
    summary:
      total === 0
        ? "No open requests."
        : `${total} open: ${metrics.openByStatus.map((entry) => `${entry.count} ${statusLabel(entry.status)}`).join(", ")}.`,
    hasData: total > 0,
  };
}

export function openBySystemChart(metrics: DashboardMetrics): ChartModel {
  const columns = [{ label: "Open requests with work there", values: metrics.openBySystem.map((entry) => entry.count) }];
  return {
    labels: metrics.openBySystem.map((entry) => `${entry.name} (${entry.connectorId})`),
    columns,
    summary:
      metrics.openBySystem.length === 0
        ? "No open request has work on any connection."
        : `Open requests per connection: ${metrics.openBySystem.map((entry) => `${entry.name} ${entry.count}`).join(", ")}.`,
    hasData: anyValue(columns),
  };
}
