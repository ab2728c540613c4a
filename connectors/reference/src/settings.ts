import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the Reference CRM account lives. Nothing secret here: settings are shown and logged. */
export const referenceSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).describe("Base URL of the Reference CRM API, e.g. https://acme.reference-crm.example"),
});

/** Stored encrypted, never logged. */
export const referenceSecrets = z.object({
  apiToken: z.string().min(1).describe("API token from Settings → API tokens, with people:read and people:delete"),
});

export type ReferenceSettings = z.output<typeof referenceSettings>;
export type ReferenceSecrets = z.output<typeof referenceSecrets>;
export type ReferenceContext = ConnectorContext<ReferenceSettings, ReferenceSecrets>;
