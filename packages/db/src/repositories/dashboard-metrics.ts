import { sql } from "drizzle-orm";
import { connectorInstances, requests, requestTasks } from "../schema";
import type { Executor } from "./executor";

/**
 * The dashboard's aggregates: counts only, never a subject's data. Which weeks, and when each is
 * measured, are the engine's rules (core's reporting weeks); this only counts. A request is open
 * while `closed_at` is null (set by the status change that ends it).
 */

export interface WeekWindow {
  /** Monday 00:00 UTC. */
  start: Date;
  /** The week's end, or now for the running week. */
  measuredAt: Date;
}

export interface WeekCounts {
  start: Date;
  received: number;
  closed: number;
  closedOnTime: number;
  /** Open at `measuredAt` and past its due date then. */
  overdue: number;
}

const weekLength = sql`interval '7 days'`;

export async function countRequestsByWeek(tx: Executor, weeks: readonly WeekWindow[]): Promise<WeekCounts[]> {
  if (weeks.length === 0) return [];
  const windows = JSON.stringify(weeks.map((week) => ({ start: week.start.toISOString(), measured_at: week.measuredAt.toISOString() })));
  // Requests are few (hundreds a year per million customers): one correlated count per week is cheap.
  const rows = await tx.execute<{ start: string; received: string; closed: string; closed_on_time: string; overdue: string }>(sql`
    select w.start::text as start,
      (select count(*) from ${requests} r where r.received_at >= w.start and r.received_at < w.start + ${weekLength}) as received,
      (select count(*) from ${requests} r where r.closed_at >= w.start and r.closed_at < w.start + ${weekLength}) as closed,
      (select count(*) from ${requests} r
        where r.closed_at >= w.start and r.closed_at < w.start + ${weekLength} and r.closed_at <= r.due_at) as closed_on_time,
      (select count(*) from ${requests} r
        where r.received_at < w.measured_at and r.due_at < w.measured_at
          and (r.closed_at is null or r.closed_at > w.measured_at)) as overdue
    from jsonb_to_recordset(${windows}::jsonb) as w(start timestamptz, measured_at timestamptz)
    order by w.start`);
  return rows.map((row, index) => ({
    start: weeks[index]?.start ?? new Date(row.start),
    received: Number(row.received),
    closed: Number(row.closed),
    closedOnTime: Number(row.closed_on_time),
    overdue: Number(row.overdue),
  }));
}

/** Open requests per status. */
export async function countOpenRequestsByStatus(tx: Executor): Promise<Array<{ status: string; count: number }>> {
  const rows = await tx
    .select({ status: requests.status, count: sql<number>`count(*)::int` })
    .from(requests)
    .where(sql`${requests.closedAt} is null`)
    .groupBy(requests.status)
    .orderBy(requests.status);
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/** Open requests per connection (system) that has work for them; a request counts once per connection. */
export async function countOpenRequestsByInstance(
  tx: Executor,
): Promise<Array<{ instanceId: string; name: string; connectorId: string; count: number }>> {
  const rows = await tx
    .select({
      instanceId: connectorInstances.id,
      name: connectorInstances.name,
      connectorId: connectorInstances.connectorId,
      count: sql<number>`count(distinct ${requestTasks.requestId})::int`,
    })
    .from(requestTasks)
    .innerJoin(requests, sql`${requests.id} = ${requestTasks.requestId}`)
    .innerJoin(connectorInstances, sql`${connectorInstances.id} = ${requestTasks.instanceId}`)
    .where(sql`${requests.closedAt} is null`)
    .groupBy(connectorInstances.id, connectorInstances.name, connectorInstances.connectorId)
    .orderBy(connectorInstances.name);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
