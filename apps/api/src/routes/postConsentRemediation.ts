import { apiRoutes } from "@lethe/contracts";
import { ConsentEntryNotFoundError, ConsentRemediationRefusedError, planConsentRemediation } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentRemediation } from "../views/consent-view";

/** `POST /api/v1/consent/remediations`: a draft, which changes nothing until approved. */
export function postConsentRemediation(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { entryId, action } = parseInput("body", apiRoutes.postConsentRemediation.body, request.body);
    try {
      const remediation = await planConsentRemediation(context.db, context.registry, { entryId, action, actor: caller.actor });
      response.status(201).json(toConsentRemediation(remediation));
    } catch (error) {
      if (error instanceof ConsentEntryNotFoundError) throw new ApiError(404, "not_found", error.message);
      if (error instanceof ConsentRemediationRefusedError) throw new ApiError(409, "conflict", error.message);
      throw error;
    }
  };
}
