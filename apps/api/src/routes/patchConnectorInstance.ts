import { apiRoutes, type ConnectorInstanceResponse } from "@lethe/contracts";
import { updateConnectorInstance } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadConnectorInstances } from "../views/connector-view";
import { requireSecretBox } from "../views/require-secret-box";

/** `PATCH /api/v1/connector-instances/:id` */
export function patchConnectorInstance(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.patchConnectorInstance.params, request.params);
    const body = parseInput("body", apiRoutes.patchConnectorInstance.body, request.body);
    await updateConnectorInstance(
      context.db,
      { registry: context.registry, secretBox: requireSecretBox(context), outbound: context.outbound },
      id,
      {
        ...(body.settings !== undefined ? { settings: body.settings } : {}),
        ...(body.secrets !== undefined ? { secrets: body.secrets } : {}),
        ...(body.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: body.rateLimitPerMinute } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      },
      caller.actor,
    );
    const [instance] = await loadConnectorInstances(context, id);
    if (!instance) throw new ApiError(404, "not_found", `no connector instance with id ${id}`);
    const answer: ConnectorInstanceResponse = { connectorInstance: instance };
    response.json(answer);
  };
}
