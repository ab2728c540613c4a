import { apiRoutes, type CreatedWebhookEndpoint } from "@lethe/contracts";
import { addWebhookEndpoint } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { requireSecretBox } from "../views/require-secret-box";
import { toWebhookEndpoint } from "../views/webhook-view";

/** `POST /api/v1/webhooks`: the signing secret is in this answer only; it is stored sealed. A URL the outbound policy refuses is 400 naming `url`. */
export function postWebhookEndpoint(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postWebhookEndpoint.body, request.body);
    const { endpoint, secret } = await addWebhookEndpoint(
      context.db,
      requireSecretBox(context),
      {
        url: body.url,
        events: body.events,
        actor: caller.actor,
      },
      context.outbound,
    );
    const answer: CreatedWebhookEndpoint = { endpoint: toWebhookEndpoint(endpoint), secret };
    response.status(201).location(`/api/v1/webhooks/${endpoint.id}`).json(answer);
  };
}
