import type { JobSpec } from "@lethe/db";
import type { CronItem } from "graphile-worker";

/** The graphile-worker task that releases what ended holds kept (release-holds-task.ts). */
export const releaseHoldsTaskName = "lethe.holds.release";

/**
 * One queue for every release run, so two runs (the periodic one and one asked for when a hold
 * is ended) never erase the same records side by side, whatever worker picks them up.
 */
const releaseQueue = "lethe.holds.release";

/** How often the release runs by itself: expiries and rule retentions pass without anyone acting. */
export const releaseHoldsCron: CronItem = {
  task: releaseHoldsTaskName,
  identifier: releaseHoldsTaskName,
  match: "*/10 * * * *",
  options: { queueName: releaseQueue, jobKey: releaseHoldsTaskName, jobKeyMode: "replace", backfillPeriod: 0, maxAttempts: 3 },
};

/** A release run now (after `POST /holds/:id/end`); its key folds repeated asks into one job. */
export function releaseHoldsJob(): JobSpec {
  return { task: releaseHoldsTaskName, payload: {}, jobKey: releaseHoldsTaskName, queueName: releaseQueue, maxAttempts: 3 };
}
