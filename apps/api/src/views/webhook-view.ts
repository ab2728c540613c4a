import type { WebhookEndpoint } from "@lethe/contracts";
import type { WebhookEndpointView } from "@lethe/runtime";

export function toWebhookEndpoint(row: WebhookEndpointView): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
