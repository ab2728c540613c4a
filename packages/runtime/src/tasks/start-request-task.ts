import { lockRequest } from "@lethe/db";
import { appendAudits } from "../audit/append-audit";
import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";
import { requestPayloadSchema } from "./jobs";

/**
 * Starts locating (round 0): one `locate` task and job per enabled connector instance, and the
 * move to `locating` (core's `nextStep`: `start-locating`, carried out by `advanceRequest`), in one
 * transaction under the request's lock — so a re-delivered start job finds the request already
 * locating and does nothing. An instance whose connector is not installed gets a failed task
 * saying so (the request will end partially completed) rather than being skipped silently.
 */
export function startRequestTask(deps: RuntimeDependencies): Task {
  return async (rawPayload) => {
    const { requestId } = requestPayloadSchema.parse(rawPayload);
    await deps.database.db.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      if (!request || (request.status !== "received" && request.status !== "verified")) return;
      await appendAudits(tx, await advanceRequest(tx, deps, request));
    });
  };
}
