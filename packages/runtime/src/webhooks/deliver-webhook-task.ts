import { getWebhookDelivery, getWebhookEndpointForDelivery, recordWebhookAttempt } from "@lethe/db";
import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { deliveryPayloadSchema } from "./webhook-jobs";
import { signatureHeader, signWebhookBody } from "./webhook-signature";

/** A receiver that has not answered in this long is treated as down (the attempt is retried). */
export const webhookTimeoutMs = 10_000;

class WebhookDeliveryFailed extends Error {
  override readonly name = "WebhookDeliveryFailed";
}

/**
 * POSTs one delivery's JSON body, signed (`Lethe-Signature`), and records the attempt in
 * `webhook_deliveries` whatever happens. A non-2xx answer or no answer throws, so graphile-worker
 * retries it with backoff; the last allowed attempt marks the delivery `failed` instead. A
 * delivery whose endpoint was disabled meanwhile is marked failed without a request.
 */
export function deliverWebhookTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { deliveryId } = deliveryPayloadSchema.parse(rawPayload);
    const db = deps.database.db;
    const delivery = await getWebhookDelivery(db, deliveryId);
    if (!delivery || delivery.status !== "pending") return;
    const endpoint = await getWebhookEndpointForDelivery(db, delivery.endpointId);
    if (!endpoint) return;
    const at = new Date();
    if (!endpoint.enabled) {
      await recordWebhookAttempt(db, { id: deliveryId, status: "failed", statusCode: null, error: "endpoint disabled", at });
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const signature = signWebhookBody(deps.secretBox.open(endpoint.secretCiphertext), body, at);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // The guard refuses private and loopback receivers; redirects are not followed at all.
      const response = await deps.outbound.fetch(endpoint.url, {
        method: "POST",
        headers: { "content-type": "application/json", [signatureHeader]: signature, "user-agent": "Lethe-Webhooks/1" },
        body,
        signal: AbortSignal.timeout(webhookTimeoutMs),
        redirect: "manual",
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300) error = `receiver answered ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : "request failed";
    }
    const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    const status = error === null ? "delivered" : lastAttempt ? "failed" : "pending";
    await recordWebhookAttempt(db, { id: deliveryId, status, statusCode, error, at });
    deps.log(error === null ? "debug" : "warn", `webhook delivery ${status}`, {
      deliveryId,
      endpointId: delivery.endpointId,
      event: delivery.event,
      attempt: helpers.job.attempts,
      ...(statusCode === null ? {} : { statusCode }),
    });
    if (status === "pending") throw new WebhookDeliveryFailed(`delivery ${deliveryId}: ${error ?? "failed"}`);
  };
}
