import { apiRoutes } from "@lethe/contracts";
import { reviewPlan } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestPlan, planError } from "../views/load-request-plan";

/**
 * `POST /api/v1/requests/:id/review`: include/exclude weak matches in bulk. 409 (nothing changed)
 * when a named record is not pending review or the request is not in review.
 */
export function postRequestReview(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestReview.params, request.params);
    const body = parseInput("body", apiRoutes.postRequestReview.body, request.body);
    await reviewPlan({ database: context.db, registry: context.registry }, { requestId: id, decisions: body.decisions, actor: caller.actor }).catch((error: unknown) => {
      throw planError(error);
    });
    response.json(await loadRequestPlan(context, id));
  };
}
