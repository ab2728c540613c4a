import type { ConnectorTypeList } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { toConnectorType } from "../views/connector-view";

/** `GET /api/v1/connector-types` */
export function getConnectorTypes(context: ApiContext): RequestHandler {
  return (_request, response) => {
    const body: ConnectorTypeList = { connectorTypes: context.registry.list().map(toConnectorType) };
    response.json(body);
  };
}
