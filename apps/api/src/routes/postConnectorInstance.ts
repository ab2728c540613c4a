import { apiRoutes, type ConnectorInstanceResponse } from "@lethe/contracts";
import { createConnectorInstance, updateConnectorInstance } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadConnectorInstances } from "../views/connector-view";
import { requireSecretBox } from "../views/require-secret-box";

/** `POST /api/v1/connector-instances`: settings and secrets checked by the connector's own schemas (400 invalid_configuration naming fields). */
export function postConnectorInstance(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postConnectorInstance.body, request.body);
    const { id } = await createConnectorInstance(
      context.db,
      { registry: context.registry, secretBox: requireSecretBox(context), outbound: context.outbound },
      {
        connectorId: body.connectorId,
        name: body.name,
        settings: body.settings,
        secrets: body.secrets,
        ...(body.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: body.rateLimitPerMinute } : {}),
      },
      caller.actor,
    );
    if (body.enabled === false) {
      await updateConnectorInstance(context.db, { registry: context.registry, secretBox: requireSecretBox(context), outbound: context.outbound }, id, { enabled: false }, caller.actor);
    }
    const [instance] = await loadConnectorInstances(context, id);
    if (!instance) throw new Error(`connector instance ${id} vanished after creation`);
    const answer: ConnectorInstanceResponse = { connectorInstance: instance };
    response.status(201).location(`/api/v1/connector-instances/${id}`).json(answer);
  };
}
