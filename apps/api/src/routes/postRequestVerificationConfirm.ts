import { apiRoutes } from "@lethe/contracts";
import { confirmVerificationCode } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestDetail } from "../views/load-request-detail";

/**
 * `POST /api/v1/requests/:id/verification/confirm`: a wrong, expired or exhausted code is 422
 * verification_failed with `details.reason` (and `attemptsLeft`); no code sent yet is 409.
 */
export function postRequestVerificationConfirm(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestVerificationConfirm.params, request.params);
    const body = parseInput("body", apiRoutes.postRequestVerificationConfirm.body, request.body);
    await confirmVerificationCode(context.db, { requestId: id, code: body.code, actor: caller.actor });
    response.json(await loadRequestDetail(context, id));
  };
}
