import {
  listConnectorInstances,
  lockRequest,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";
import { requestPayloadSchema } from "./jobs";
import { openLocateRound } from "./locate-round";

/**
 * Starts locating (round 0): one `locate` task and job per enabled connector instance, and the
 * move to `locating`, in one transaction under the request's lock — so a re-delivered start job finds the
 * request already locating and does nothing. An instance whose connector is not installed gets a
 * failed task saying so (the request will end partially completed) rather than being skipped
 * silently.
 */
export function startRequestTask(deps: RuntimeDependencies): Task {
  return async (rawPayload) => {
    const { requestId } = requestPayloadSchema.parse(rawPayload);
    await deps.database.db.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      if (!request || (request.status !== "received" && request.status !== "verified")) return;
      const instances = await listConnectorInstances(tx, { enabledOnly: true });
      const locating = await openLocateRound(tx, deps, requestId, instances);
      const locked = await transitionRequest(tx, {
        requestId,
        to: "locating",
        actor: "system",
        reason: `locating on ${locating} connector instance(s)`,
      });
      const next = locating === 0 ? await advanceRequest(tx, deps, { ...request, status: locked.to }) : [];
      await appendAudit(tx, {
        actor: "system",
        action: "request.locating",
        requestId,
        payload: { instances: instances.length, locating },
      });
      for (const entry of next) await appendAudit(tx, entry);
    });
  };
}
