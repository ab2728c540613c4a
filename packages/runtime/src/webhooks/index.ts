export { addWebhookEndpoint, removeWebhookEndpoint, RefusedWebhookUrlError } from "./webhook-endpoint-admin";
export { signatureHeader, signWebhookBody, verifyWebhookSignature } from "./webhook-signature";
export { maxWebhookAttempts, webhookTaskNames } from "./webhook-jobs";
