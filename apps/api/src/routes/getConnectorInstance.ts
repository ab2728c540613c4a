import { apiRoutes, type ConnectorInstanceResponse } from "@lethe/contracts";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadConnectorInstances } from "../views/connector-view";

/** `GET /api/v1/connector-instances/:id` */
export function getConnectorInstance(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getConnectorInstance.params, request.params);
    const [instance] = await loadConnectorInstances(context, id);
    if (!instance) throw new ApiError(404, "not_found", `no connector instance with id ${id}`);
    const body: ConnectorInstanceResponse = { connectorInstance: instance };
    response.json(body);
  };
}
