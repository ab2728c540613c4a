import { apiRoutes } from "@lethe/contracts";
import { attestIdentity } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestDetail } from "../views/load-request-detail";

/** `POST /api/v1/requests/:id/verification/attest`: 409 unless the request is waiting in `verifying`. */
export function postRequestVerificationAttest(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestVerificationAttest.params, request.params);
    const body = parseInput("body", apiRoutes.postRequestVerificationAttest.body, request.body);
    await attestIdentity(context.db, { requestId: id, note: body.note, actor: caller.actor });
    response.json(await loadRequestDetail(context, id));
  };
}
