import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { minimiseClosedRequests } from "./minimise-closed-requests";

/** The periodic `minimise` task (periodic/periodic-tasks.ts): see minimiseClosedRequests. */
export function minimiseTask(deps: RuntimeDependencies): Task {
  return async (_payload, helpers) => {
    const { minimised, retentionDays } = await minimiseClosedRequests(deps, {
      ...(deps.requestRetentionDays === undefined ? {} : { retentionDays: deps.requestRetentionDays }),
      signal: helpers.abortSignal,
    });
    if (minimised > 0) deps.log("info", "minimised closed requests past their retention period", { minimised, retentionDays });
  };
}
