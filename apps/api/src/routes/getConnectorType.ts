import { apiRoutes } from "@lethe/contracts";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConnectorType } from "../views/connector-view";

/** `GET /api/v1/connector-types/:connectorId` */
export function getConnectorType(context: ApiContext): RequestHandler {
  return (request, response) => {
    const { connectorId } = parseInput("params", apiRoutes.getConnectorType.params, request.params);
    const connector = context.registry.get(connectorId);
    if (!connector) throw new ApiError(404, "not_found", `no connector "${connectorId}" is installed`);
    response.json(toConnectorType(connector));
  };
}
