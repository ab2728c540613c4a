import { apiRoutes } from "@lethe/contracts";
import { relocateRequest } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestPlan, planError } from "../views/load-request-plan";

/** `POST /api/v1/requests/:id/relocate`: the workers locate again; 409 outside review. */
export function postRequestRelocate(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestRelocate.params, request.params);
    await relocateRequest({ database: context.db, registry: context.registry }, { requestId: id, actor: caller.actor }).catch((error: unknown) => {
      throw planError(error);
    });
    response.json(await loadRequestPlan(context, id));
  };
}
