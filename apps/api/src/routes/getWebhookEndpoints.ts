import type { WebhookEndpointList } from "@lethe/contracts";
import { listWebhookEndpoints } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { toWebhookEndpoint } from "../views/webhook-view";

/** `GET /api/v1/webhooks`: built from a repository view that never reads the sealed secret. */
export function getWebhookEndpoints(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const answer: WebhookEndpointList = { endpoints: (await listWebhookEndpoints(context.db.db)).map(toWebhookEndpoint) };
    response.json(answer);
  };
}
