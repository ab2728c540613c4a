import { listRequestsDueForMinimisation } from "@lethe/db";
import type { Task } from "graphile-worker";
import { identifierHashKey } from "../identifier-hash-key";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { minimiseRequest } from "./minimise-request";

/** CCPA keeps records of requests and responses for 24 months (DOMAIN.md); GDPR sets no longer floor. */
export const defaultRequestRetentionDays = 730;

const batch = 100;

/**
 * The periodic `minimise` task: every closed request whose retention period has run out is
 * minimised, oldest first, in batches until none is left. Safe to run in several workers at
 * once: each request is minimised under its row lock and a minimised one is skipped.
 */
export function minimiseTask(deps: RuntimeDependencies): Task {
  return async (_payload, helpers) => {
    const now = new Date();
    const retentionDays = deps.requestRetentionDays ?? defaultRequestRetentionDays;
    const closedBefore = new Date(now.getTime() - retentionDays * 86_400_000);
    const key = identifierHashKey(deps);
    let minimised = 0;
    for (;;) {
      const due = await listRequestsDueForMinimisation(deps.database.db, closedBefore, batch);
      let progressed = 0;
      for (const requestId of due) {
        helpers.abortSignal?.throwIfAborted();
        if ((await minimiseRequest(deps.database, { requestId, key, now })) === "minimised") progressed += 1;
      }
      minimised += progressed;
      if (due.length < batch || progressed === 0) break;
    }
    if (minimised > 0) deps.log("info", "minimised closed requests past their retention period", { minimised, retentionDays });
  };
}
