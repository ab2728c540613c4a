import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the Zendesk account lives. Nothing secret here: settings are shown and logged. */
export const zendeskSettings = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .describe("Your Zendesk URL without /api/v2, e.g. https://acme.zendesk.com"),
});

/**
 * Either an API token (HTTP Basic as `{email}/token:{token}`) or an OAuth access token (Bearer).
 * vendor-apis.md §2.1: both are accepted on every endpoint the connector uses.
 */
export const zendeskSecrets = z.union([
  z.object({
    email: z.email().describe("E-mail address of the admin or agent who owns the API token"),
    apiToken: z.string().min(1).describe("Admin Center → Apps and integrations → Zendesk API → API token"),
  }),
  z.object({
    oauthAccessToken: z.string().min(1).describe("OAuth access token with read and write scopes"),
  }),
]);

export type ZendeskSettings = z.output<typeof zendeskSettings>;
export type ZendeskSecrets = z.output<typeof zendeskSecrets>;
export type ZendeskContext = ConnectorContext<ZendeskSettings, ZendeskSecrets>;
