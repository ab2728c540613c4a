import { apiRoutes } from "@lethe/contracts";
import { deleteConnectorInstance as removeInstance } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `DELETE /api/v1/connector-instances/:id`: 409 once the instance has done work (disable it instead). */
export function deleteConnectorInstance(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.deleteConnectorInstance.params, request.params);
    await removeInstance(context.db, id, caller.actor);
    response.status(204).end();
  };
}
