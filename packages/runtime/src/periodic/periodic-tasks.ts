import { parseCronItems, type CronItem, type ParsedCronItem } from "graphile-worker";
import { releaseHoldsCron } from "../holds/release-holds-job";
import { retentionDailyCron } from "../retention/retention-daily-task";
import { taskNames } from "../tasks/jobs";

/**
 * Lethe's periodic work, in one list so that every worker process schedules the same thing.
 * graphile-worker's cron keeps a row per identifier in its own schema and takes a lock per
 * tick, so with three workers each tick still runs its task once. `backfillPeriod: 0`: a worker
 * that was down does not replay missed ticks — every task here looks at the state of the
 * database when it runs, so one late run catches up on everything.
 *
 * Add a task here (and to the task list) rather than scheduling it elsewhere.
 */
export const periodicTasks: readonly CronItem[] = [
  // Closed requests past their retention period lose their plaintext identifiers.
  { task: taskNames.minimise, match: "*/10 * * * *", identifier: "minimise", options: { backfillPeriod: 0 } },
  // Records kept by a legal hold that ended, expired or whose rule retention ran out are erased.
  releaseHoldsCron,
  // Approved retention schedules swept; new or changed ones previewed for approval.
  retentionDailyCron,
];

export function periodicCronItems(extra: readonly CronItem[] = []): ParsedCronItem[] {
  return parseCronItems([...periodicTasks, ...extra]);
}
