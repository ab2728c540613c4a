import type { ConnectorInstanceList } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { loadConnectorInstances } from "../views/connector-view";

/** `GET /api/v1/connector-instances`: secrets are never read here (the repository view has none). */
export function getConnectorInstances(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: ConnectorInstanceList = { connectorInstances: await loadConnectorInstances(context) };
    response.json(body);
  };
}
