import type { JobSpec } from "@lethe/db";
import { z } from "zod";

export const webhookTaskNames = {
  deliver: "lethe.webhook.deliver",
} as const;

/**
 * A delivery is tried this many times with graphile-worker's exponential backoff (e^n seconds
 * after the n-th failure: about 2.5 hours from first to last try) before it is marked failed.
 */
export const maxWebhookAttempts = 10;

export const deliveryPayloadSchema = z.object({ deliveryId: z.number().int().positive() });

export function deliveryJob(deliveryId: number): JobSpec {
  return {
    task: webhookTaskNames.deliver,
    payload: { deliveryId },
    jobKey: `${webhookTaskNames.deliver}:${deliveryId}`,
    maxAttempts: maxWebhookAttempts,
  };
}
