import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the org lives and how to spend its API allocation. Nothing secret: settings are shown and logged. */
export const salesforceSettings = z.object({
  loginUrl: z
    .url({ protocol: /^https?$/ })
    .describe("The org's My Domain URL, e.g. https://acme.my.salesforce.com (token requests go here)"),
  apiVersion: z
    .string()
    .regex(/^\d{2}\.0$/)
    .default("62.0")
    .describe("REST API version, e.g. 62.0"),
  defaultPhoneRegion: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("US")
    .describe("Country assumed for phone numbers typed without one, e.g. (977) 625-2661 (ISO 3166 code)"),
  jwtAudience: z
    .url()
    .default("https://login.salesforce.com")
    .describe("JWT bearer flow only: the `aud` claim (https://test.salesforce.com for sandboxes)"),
  apiReserve: z
    .int()
    .nonnegative()
    .default(5_000)
    .describe("Daily API requests Lethe leaves unused for the org's other integrations; work pauses until the next day once only this many remain"),
});

/** Stored encrypted, never logged: a connected app with the client-credentials flow or JWT bearer. */
export const salesforceSecrets = z.discriminatedUnion("flow", [
  z.object({
    flow: z.literal("client_credentials"),
    clientId: z.string().min(1).describe("Consumer key of the connected app (its run-as user needs API access and Bulk API Hard Delete)"),
    clientSecret: z.string().min(1).describe("Consumer secret of the connected app"),
  }).meta({ title: "Client credentials flow", description: "A connected app with the client-credentials flow enabled and a run-as user" }),
  z.object({
    flow: z.literal("jwt_bearer"),
    clientId: z.string().min(1).describe("Consumer key of the connected app"),
    username: z.string().min(1).describe("The pre-authorised user the JWT names in `sub`"),
    privateKey: z.string().includes("PRIVATE KEY").describe("PEM private key whose certificate is uploaded to the connected app"),
  }).meta({ title: "JWT bearer flow", description: "A connected app with a digital certificate and a pre-authorised user" }),
]);

export type SalesforceSettings = z.output<typeof salesforceSettings>;
export type SalesforceSecrets = z.output<typeof salesforceSecrets>;
export type SalesforceContext = ConnectorContext<SalesforceSettings, SalesforceSecrets>;
