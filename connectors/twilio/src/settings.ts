import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the Twilio account lives and which SIP domains its calls use. Nothing secret here. */
export const twilioSettings = z.object({
  accountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "a Twilio Account SID: AC followed by 32 hexadecimal digits")
    .describe("The Account SID whose calls and messages are searched (Console → Account info)"),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .default("https://api.twilio.com")
    .describe("Base URL of Twilio's REST API; change it only for a stand-in such as the sandbox"),
  sipDomains: z
    .array(z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "a domain name, e.g. acme.sip.twilio.com"))
    .default([])
    .describe(
      "The account's SIP domains (e.g. acme.sip.twilio.com). Twilio's To/From filters match exactly, so a phone number is also searched as sip:{number}@{domain} for each one",
    ),
});

/**
 * Stored encrypted, never logged: the account's Auth Token, or an API key (SID and secret), which
 * Twilio accepts in its place for HTTP Basic. One flat object, so that the console renders one
 * form; the refinement says which combinations are complete.
 */
export const twilioSecrets = z
  .object({
    authToken: z.string().min(1).optional().describe("The account's Auth Token (Console → Account info)"),
    apiKeySid: z.string().regex(/^SK[0-9a-fA-F]{32}$/, "an API key SID: SK followed by 32 hexadecimal digits").optional().describe("Or: an API key's SID"),
    apiKeySecret: z.string().min(1).optional().describe("With apiKeySid: the API key's secret"),
  })
  .superRefine((secrets, issues) => {
    const token = secrets.authToken !== undefined;
    const apiKey = secrets.apiKeySid !== undefined && secrets.apiKeySecret !== undefined;
    if (token === apiKey || (!apiKey && (secrets.apiKeySid !== undefined || secrets.apiKeySecret !== undefined))) {
      issues.addIssue({ code: "custom", message: "Give either authToken, or apiKeySid and apiKeySecret" });
    }
  });

export type TwilioSettings = z.output<typeof twilioSettings>;
export type TwilioSecrets = z.output<typeof twilioSecrets>;
export type TwilioContext = ConnectorContext<TwilioSettings, TwilioSecrets>;
