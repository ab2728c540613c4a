import { apiRoutes } from "@lethe/contracts";
import { ConsentEvidenceNotSupportedError, startConsentSync } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentSync } from "../views/consent-view";

/** `POST /api/v1/connector-instances/:id/consent-syncs`: queues a ledger read; poll `GET /consent-syncs/:id`. */
export function postConsentSync(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postConsentSync.params, request.params);
    const { interval } = parseInput("body", apiRoutes.postConsentSync.body, request.body);
    try {
      const sync = await startConsentSync(context.db, context.registry, { instanceId: id, actor: caller.actor, ...(interval ? { interval } : {}) });
      response.status(201).json(toConsentSync(sync));
    } catch (error) {
      if (error instanceof ConsentEvidenceNotSupportedError) throw new ApiError(404, "not_found", "no connector instance with that id whose connector reports consent evidence");
      throw error;
    }
  };
}
