import type { ConnectorContext } from "@lethe/connector-sdk";
import { z } from "zod";

/** Where the recorder's API lives and how its participant numbers are written. Nothing secret. */
export const recorderSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).describe("Base URL of the recorder API, e.g. https://recorder.example.com"),
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, "a two-letter ISO 3166 country code")
    .default("US")
    .describe("Country whose national format is used by participant addresses that carry no country code (e.g. sip:2015550123@pbx)"),
});

/** Stored encrypted, never logged: an OAuth client with recording view, delete and redact permissions. */
export const recorderSecrets = z.object({
  clientId: z.string().min(1).describe("OAuth client id (client credentials grant)"),
  clientSecret: z.string().min(1).describe("OAuth client secret"),
});

export type RecorderSettings = z.output<typeof recorderSettings>;
export type RecorderSecrets = z.output<typeof recorderSecrets>;
export type RecorderContext = ConnectorContext<RecorderSettings, RecorderSecrets>;
