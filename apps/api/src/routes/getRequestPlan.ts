import { apiRoutes } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestPlan } from "../views/load-request-plan";

/** `GET /api/v1/requests/:id/plan` */
export function getRequestPlan(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRequestPlan.params, request.params);
    response.json(await loadRequestPlan(context, id));
  };
}
