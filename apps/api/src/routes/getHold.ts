import { apiRoutes, type Hold } from "@lethe/contracts";
import { getLegalHold } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toHold } from "../views/hold-view";

/** `GET /api/v1/holds/:id` */
export function getHold(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getHold.params, request.params);
    const row = await getLegalHold(context.db.db, id);
    if (!row) throw new ApiError(404, "not_found", `no legal hold with id ${id}`);
    const body: { hold: Hold } = { hold: toHold(row) };
    response.json(body);
  };
}
