import { apiRoutes } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRequestDetail } from "../views/load-request-detail";

/** `GET /api/v1/requests/:id` */
export function getRequest(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRequest.params, request.params);
    response.json(await loadRequestDetail(context, id));
  };
}
