import { apiRoutes } from "@lethe/contracts";
import { approveConsentRemediation, ConsentRemediationNotFoundError, ConsentRemediationRefusedError } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentRemediation } from "../views/consent-view";

/** `POST /api/v1/consent/remediations/:id/approve`: approves a draft and queues it. */
export function postConsentRemediationApproval(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postConsentRemediationApproval.params, request.params);
    try {
      const remediation = await approveConsentRemediation(context.db, { id, actor: caller.actor });
      response.json(toConsentRemediation(remediation));
    } catch (error) {
      if (error instanceof ConsentRemediationNotFoundError) throw new ApiError(404, "not_found", error.message);
      if (error instanceof ConsentRemediationRefusedError) throw new ApiError(409, "conflict", error.message);
      throw error;
    }
  };
}
