import { apiRoutes, type VerificationCodeSent } from "@lethe/contracts";
import { sendVerificationCode } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/**
 * `POST /api/v1/requests/:id/verification/send-code`: the code goes to the requester through the
 * configured sender and is never in the answer.
 */
export function postRequestVerificationCode(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestVerificationCode.params, request.params);
    const { expiresAt } = await sendVerificationCode(context.db, context.verificationCodeSender, { requestId: id, actor: caller.actor });
    const answer: VerificationCodeSent = { expiresAt: expiresAt.toISOString() };
    response.status(201).json(answer);
  };
}
