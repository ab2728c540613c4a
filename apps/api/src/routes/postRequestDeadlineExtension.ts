import { apiRoutes } from "@lethe/contracts";
import { extendRequestDeadline } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestDetail } from "../views/load-request-detail";

/**
 * `POST /api/v1/requests/:id/extend-deadline`: the regime's rule (core's `extendDueDate`) decides;
 * breaking it is 422 invalid_extension with the rule in `details`.
 */
export function postRequestDeadlineExtension(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestDeadlineExtension.params, request.params);
    const body = parseInput("body", apiRoutes.postRequestDeadlineExtension.body, request.body);
    await extendRequestDeadline(context.db, {
      requestId: id,
      additional: body.additional,
      reason: body.reason,
      noticeAt: body.noticeAt ? new Date(body.noticeAt) : new Date(),
      notice: body.notice,
      actor: caller.actor,
    });
    response.json(await loadRequestDetail(context, id));
  };
}
