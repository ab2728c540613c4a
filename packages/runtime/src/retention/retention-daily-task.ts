import { currentRetentionApprovals, listRetentionRuns, listRetentionSchedules } from "@lethe/db";
import type { CronItem, Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { taskNames } from "../tasks/jobs";
import { previewRetention } from "./preview-retention";
import { startRetentionSweep } from "./start-retention-sweep";

/** Once a day at 02:30 UTC, when contact centres are quiet. */
export const retentionDailyCron: CronItem = {
  task: taskNames.retentionDaily,
  identifier: taskNames.retentionDaily,
  match: "30 2 * * *",
  options: { jobKey: taskNames.retentionDaily, jobKeyMode: "replace", backfillPeriod: 0, maxAttempts: 3 },
};

/**
 * The daily tick: every schedule whose current terms are approved is swept; a new or changed one
 * is not — it gets a preview of its current terms (once) for a person to approve. One schedule
 * failing to start does not stop the others; its error is logged without personal data.
 */
export function retentionDailyTask(deps: RuntimeDependencies): Task {
  return async () => {
    const schedules = await listRetentionSchedules(deps.database.db);
    const approvals = await currentRetentionApprovals(deps.database.db, schedules);
    for (const schedule of schedules) {
      try {
        if (approvals.has(schedule.id)) {
          await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "system" });
          continue;
        }
        const previews = await listRetentionRuns(deps.database.db, { scheduleId: schedule.id, kind: "preview" });
        if (!previews.some((preview) => preview.fingerprint === schedule.fingerprint && preview.status === "completed")) {
          await previewRetention(deps, { scheduleId: schedule.id, actor: "system" });
        }
      } catch (error) {
        deps.log("warn", "A retention schedule could not be swept or previewed", {
          scheduleId: schedule.id,
          error: error instanceof Error ? error.name : "unknown",
        });
      }
    }
  };
}
