import { asc, eq, sql } from "drizzle-orm";
import { webhookEndpoints } from "../schema";
import type { Executor } from "./executor";

/** An endpoint as it may be shown: never the secret, sealed or not. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
}

const viewColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
};

function toView(row: { events: unknown } & Omit<WebhookEndpointView, "events">): WebhookEndpointView {
  return { ...row, events: Array.isArray(row.events) ? row.events.map(String) : [] };
}

export async function insertWebhookEndpoint(
  tx: Executor,
  input: { url: string; secretCiphertext: string; events: readonly string[]; createdBy: string },
): Promise<WebhookEndpointView> {
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ url: input.url, secretCiphertext: input.secretCiphertext, events: [...input.events], createdBy: input.createdBy })
    .returning(viewColumns);
  if (!row) throw new Error("inserting a webhook endpoint returned no row");
  return toView(row);
}

export async function listWebhookEndpoints(tx: Executor): Promise<WebhookEndpointView[]> {
  const rows = await tx.select(viewColumns).from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt));
  return rows.map(toView);
}

/** Removes an endpoint (its deliveries go with it); false when there was none. */
export async function deleteWebhookEndpoint(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Enabled endpoints subscribed to `event`, with the sealed secret (for signing only). */
export async function listSubscribedWebhookEndpoints(
  tx: Executor,
  event: string,
): Promise<Array<{ id: string; url: string }>> {
  return tx
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(sql`${webhookEndpoints.enabled} and ${webhookEndpoints.events} @> ${JSON.stringify([event])}::jsonb`);
}

/** The URL and sealed secret of one endpoint, for a delivery; null once removed. */
export async function getWebhookEndpointForDelivery(
  tx: Executor,
  id: string,
): Promise<{ url: string; secretCiphertext: string; enabled: boolean } | null> {
  const [row] = await tx
    .select({ url: webhookEndpoints.url, secretCiphertext: webhookEndpoints.secretCiphertext, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  return row ?? null;
}
