import type { CronItem, Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { raiseDeadlineAlerts } from "./raise-deadline-alerts";

export const deadlineAlertsTaskName = "lethe.alerts.deadlines";

/** Every 15 minutes by default: due dates are days apart, so this is prompt enough and cheap. */
export const defaultDeadlineAlertsSchedule = "*/15 * * * *";

/**
 * The periodic deadline sweep (see `raiseDeadlineAlerts`). It is run by graphile-worker's cron,
 * which enqueues each tick once however many workers run; a missed tick is not back-filled, since
 * the next sweep raises whatever is due anyway.
 */
export function deadlineAlertsTask(deps: RuntimeDependencies): Task {
  return async () => {
    const raised = await raiseDeadlineAlerts(deps.database, { ...(deps.dueSoonDays === undefined ? {} : { dueSoonDays: deps.dueSoonDays }) });
    if (raised.length > 0) {
      deps.log("info", "deadline alerts raised", {
        dueSoon: raised.filter((alert) => alert.kind === "due_soon").length,
        overdue: raised.filter((alert) => alert.kind === "overdue").length,
      });
    }
  };
}

export function deadlineAlertsCronItem(schedule: string = defaultDeadlineAlertsSchedule): CronItem {
  return { task: deadlineAlertsTaskName, match: schedule, identifier: "deadline-alerts", options: { backfillPeriod: 0, maxAttempts: 3 } };
}
