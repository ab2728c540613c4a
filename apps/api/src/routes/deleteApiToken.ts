import { apiRoutes } from "@lethe/contracts";
import { revokeApiToken } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `DELETE /api/v1/tokens/:id`: revoked at once; the row stays as a record. */
export function deleteApiToken(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.deleteApiToken.params, request.params);
    const found = await revokeApiToken(context.db, { tokenId: id, actor: caller.actor });
    if (!found) throw new ApiError(404, "not_found", `no API token with id ${id}`);
    response.status(204).end();
  };
}
