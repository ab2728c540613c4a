import { createHash } from "node:crypto";
import type { RunningSandbox, SandboxStartOptions } from "@lethe/connector-sdk";
import { listenOnLoopback } from "@lethe/sandbox-kit";
import { createSandboxApp } from "./app";
import { SandboxState } from "./sandbox-state";
import { defaultSeed, sipDomain } from "./world/seed-world";

/** A running sandbox, with the account's API key for clients that authenticate with one. */
export interface RunningTwilioSandbox extends RunningSandbox {
  apiKey: { sid: string; secret: string };
}

/** High enough that only a test that means to meet Twilio's 429 does. */
export const defaultRequestsPerMinute = 6000;

/**
 * Starts the Twilio sandbox on 127.0.0.1. The Auth Token is derived from the seed, so a sandbox
 * restarted with the same seed accepts the credentials an instance was configured with before.
 */
export async function startTwilioSandbox(options: SandboxStartOptions = {}): Promise<RunningTwilioSandbox> {
  const seed = options.seed ?? defaultSeed;
  const derived = (purpose: string) => createHash("sha256").update(`twilio-sandbox:${purpose}:${seed}`).digest("hex").slice(0, 32);
  const authToken = createHash("sha256").update(`twilio-sandbox:${seed}`).digest("hex").slice(0, 32);
  const apiKey = { sid: `SK${derived("api-key")}`, secret: derived("api-key-secret") };
  const state = new SandboxState({ seed, extraPeople: options.people ?? 0, rateLimitPerMinute: options.rateLimitPerMinute ?? defaultRequestsPerMinute, authToken, apiKey });
  const { url, stop } = await listenOnLoopback(createSandboxApp(state), options.port);
  return {
    url,
    settings: { accountSid: state.accountSid, baseUrl: url, sipDomains: [sipDomain] },
    credentials: { authToken },
    badCredentials: { authToken: "0".repeat(32) },
    apiKey,
    stop,
  };
}
