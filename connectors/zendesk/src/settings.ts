import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the Zendesk account lives. Nothing secret here: settings are shown and logged. */
export const zendeskSettings = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .describe("Your Zendesk URL without /api/v2, e.g. https://acme.zendesk.com"),
});

/**
 * Either an API token (HTTP Basic as `{email}/token:{token}`) or an OAuth access token (Bearer);
 * vendor-apis.md §2.1: both are accepted on every endpoint the connector uses. One flat object,
 * so that the console renders one form; the refinement says which combinations are complete.
 */
export const zendeskSecrets = z
  .object({
    email: z.email().optional().describe("For an API token: the e-mail address of the admin or agent who owns it"),
    apiToken: z.string().min(1).optional().describe("Admin Center → Apps and integrations → Zendesk API → API token"),
    oauthAccessToken: z.string().min(1).optional().describe("Or: an OAuth access token with read and write scopes"),
  })
  .superRefine((secrets, issues) => {
    const token = secrets.email !== undefined && secrets.apiToken !== undefined;
    const oauth = secrets.oauthAccessToken !== undefined;
    if (token === oauth) {
      issues.addIssue({ code: "custom", message: "Give either email and apiToken, or oauthAccessToken" });
    }
  });

export type ZendeskSettings = z.output<typeof zendeskSettings>;
export type ZendeskSecrets = z.output<typeof zendeskSecrets>;
export type ZendeskContext = ConnectorContext<ZendeskSettings, ZendeskSecrets>;
