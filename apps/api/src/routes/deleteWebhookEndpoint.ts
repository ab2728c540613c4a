import { apiRoutes } from "@lethe/contracts";
import { removeWebhookEndpoint } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `DELETE /api/v1/webhooks/:id` */
export function deleteWebhookEndpoint(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.deleteWebhookEndpoint.params, request.params);
    if (!(await removeWebhookEndpoint(context.db, { id, actor: caller.actor }))) {
      throw new ApiError(404, "not_found", `no webhook endpoint with id ${id}`);
    }
    response.status(204).end();
  };
}
