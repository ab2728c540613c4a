import { onTimeRate, recentWeekStarts, requestStatuses, weekMeasuredAt, type RequestStatus } from "@lethe/core";
import { countOpenRequestsByInstance, countOpenRequestsByStatus, countRequestsByWeek, type DrizzleDatabase } from "@lethe/db";

/** The shape of @lethe/contracts' `dashboardMetricsSchema` (the API parses it on the way out). */
export interface DashboardMetrics {
  generatedAt: string;
  weeks: Array<{ weekStart: string; received: number; closed: number; closedOnTime: number; onTimeRate: number | null; overdue: number }>;
  openByStatus: Array<{ status: RequestStatus; count: number }>;
  openBySystem: Array<{ instanceId: string; name: string; connectorId: string; count: number }>;
}

/**
 * The dashboard's counts for the `weeks` weeks up to `now`: which weeks and the on-time rate are
 * core's rules, the counting is the database's. Counts only, never a subject's data.
 */
export async function loadDashboardMetrics(db: DrizzleDatabase, input: { now: Date; weeks: number }): Promise<DashboardMetrics> {
  const windows = recentWeekStarts(input.now, input.weeks).map((start) => ({ start, measuredAt: weekMeasuredAt(start, input.now) }));
  const [weeks, byStatus, bySystem] = await Promise.all([
    countRequestsByWeek(db, windows),
    countOpenRequestsByStatus(db),
    countOpenRequestsByInstance(db),
  ]);
  return {
    generatedAt: input.now.toISOString(),
    weeks: weeks.map((week) => ({
      weekStart: week.start.toISOString(),
      received: week.received,
      closed: week.closed,
      closedOnTime: week.closedOnTime,
      onTimeRate: onTimeRate(week.closed, week.closedOnTime),
      overdue: week.overdue,
    })),
    openByStatus: byStatus.filter((entry): entry is { status: RequestStatus; count: number } => isRequestStatus(entry.status)),
    openBySystem: bySystem,
  };
}

function isRequestStatus(status: string): status is RequestStatus {
  return (requestStatuses as readonly string[]).includes(status);
}
