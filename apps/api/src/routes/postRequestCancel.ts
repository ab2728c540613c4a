import { apiRoutes } from "@lethe/contracts";
import { cancelRequest } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestDetail } from "../views/load-request-detail";

/** `POST /api/v1/requests/:id/cancel`: 409 invalid_transition once the request is closed. */
export function postRequestCancel(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestCancel.params, request.params);
    const body = parseInput("body", apiRoutes.postRequestCancel.body, request.body);
    await cancelRequest(context.db, { requestId: id, reason: body.reason, actor: caller.actor });
    response.json(await loadRequestDetail(context, id));
  };
}
