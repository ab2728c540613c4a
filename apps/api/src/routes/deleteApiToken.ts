import { apiRoutes } from "@lethe/contracts";
import { appendAudit, revokeApiToken } from "@lethe/db";
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
    const found = await context.db.db.transaction(async (tx) => {
      const revoked = await revokeApiToken(tx, id, new Date());
      if (revoked) await appendAudit(tx, { actor: caller.actor, action: "api_token.revoked", payload: { tokenId: id } });
      return revoked;
    });
    if (!found) throw new ApiError(404, "not_found", `no API token with id ${id}`);
    response.status(204).end();
  };
}
