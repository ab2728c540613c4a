import { apiRoutes, provenanceGraphSchema } from "@lethe/contracts";
import { getProvenance } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `GET /api/v1/requests/:id/provenance` */
export function getRequestProvenance(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRequestProvenance.params, request.params);
    const graph = await getProvenance(context.db, id);
    if (!graph) throw new ApiError(404, "not_found", `no request with id ${id}`);
    response.json(provenanceGraphSchema.parse(graph));
  };
}
