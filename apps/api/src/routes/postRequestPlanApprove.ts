import { apiRoutes } from "@lethe/contracts";
import { approvePlan } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestPlan, planError } from "../views/load-request-plan";

/** `POST /api/v1/requests/:id/plan/approve`: 409 while records await review or outside review. */
export function postRequestPlanApprove(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestPlanApprove.params, request.params);
    parseInput("body", apiRoutes.postRequestPlanApprove.body, request.body ?? {});
    await approvePlan({ database: context.db, registry: context.registry }, { requestId: id, actor: caller.actor }).catch((error: unknown) => {
      throw planError(error);
    });
    response.json(await loadRequestPlan(context, id));
  };
}
