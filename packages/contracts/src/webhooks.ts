import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/** Events Lethe sends to webhook endpoints. */
export const webhookEvents = ["deadline.due_soon", "deadline.overdue"] as const;
export const webhookEventSchema = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** `POST /api/v1/webhooks` */
export const createWebhookEndpointBodySchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .max(2000),
    events: z
      .array(webhookEventSchema)
      .min(1, "subscribe to at least one event")
      .refine((events) => new Set(events).size === events.length, "each event once"),
  })
  .strict();
export type CreateWebhookEndpointBody = z.infer<typeof createWebhookEndpointBodySchema>;

/** An endpoint as the API shows it: never its secret. */
export const webhookEndpointSchema = z
  .object({
    id: idSchema,
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: timestampSchema,
  })
  .strict();
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) }).strict();
export type WebhookEndpointList = z.infer<typeof webhookEndpointListSchema>;

/**
 * The answer to creating an endpoint: the signing secret appears here and never again. Receivers
 * check `Lethe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, t + "." + body)>`.
 */
export const createdWebhookEndpointSchema = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: z.string(),
  })
  .strict();
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

/** The JSON body of a deadline event. Ids, type, regime and dates only: no identifier of the person. */
export const deadlineEventSchema = z
  .object({
    event: webhookEventSchema,
    requestId: idSchema,
    type: z.string(),
    regime: z.string(),
    dueAt: timestampSchema,
    daysLeft: z.number().int(),
    raisedAt: timestampSchema,
  })
  .strict();
export type DeadlineEvent = z.infer<typeof deadlineEventSchema>;
