import { randomBytes } from "node:crypto";
import {
  deleteWebhookEndpoint,
  insertWebhookEndpoint,
  type Database,
  type SecretSealer,
  type WebhookEndpointView,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { OutboundGuard } from "../outbound/outbound-guard";

/** A webhook URL the outbound policy refuses (loopback, private, metadata …). Names the field, not the URL. */
export class RefusedWebhookUrlError extends Error {
  override readonly name = "RefusedWebhookUrlError";
  readonly field = "url";
  constructor(readonly reason: string) {
    super(`url: webhooks to this address are refused (${reason}); LETHE_OUTBOUND_ALLOW lists allowed exceptions`);
  }
}

/**
 * Adds an endpoint with a fresh random signing secret, sealed at rest like connector secrets. The
 * plaintext secret is returned to the caller this once and never again. With `outbound`, a URL
 * the outbound policy refuses is a `RefusedWebhookUrlError` and nothing is stored (deliveries are
 * checked again when they are sent, whatever is stored).
 */
export async function addWebhookEndpoint(
  database: Database,
  secretBox: SecretSealer,
  input: { url: string; events: readonly string[]; actor: string },
  outbound?: OutboundGuard,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const refusal = await outbound?.refusalOf(input.url);
  if (refusal) throw new RefusedWebhookUrlError(refusal);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const endpoint = await database.db.transaction(async (tx) => {
    const created = await insertWebhookEndpoint(tx, {
      url: input.url,
      secretCiphertext: secretBox.seal(secret),
      events: input.events,
      createdBy: input.actor,
    });
    // The URL may name a partner's host but never a person; the secret stays out.
    await appendAudit(tx, {
      actor: input.actor,
      action: "webhook.added",
      payload: { endpointId: created.id, events: [...input.events] },
    });
    return created;
  });
  return { endpoint, secret };
}

/** Removes an endpoint; false when there was none. */
export async function removeWebhookEndpoint(database: Database, input: { id: string; actor: string }): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const removed = await deleteWebhookEndpoint(tx, input.id);
    if (removed) await appendAudit(tx, { actor: input.actor, action: "webhook.removed", payload: { endpointId: input.id } });
    return removed;
  });
}
