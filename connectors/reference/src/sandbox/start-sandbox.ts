import { createHash } from "node:crypto";
import type { RunningSandbox, SandboxStartOptions } from "@lethe/connector-sdk";
import { listenOnLoopback, readFixtureWorld } from "@lethe/sandbox-kit";
import { createSandboxApp } from "./app";
import { defaultRequestsPerMinute } from "./http/rate-limit-policy";
import { SandboxState } from "./sandbox-state";
import { referenceWorldSchema } from "./world/fixture-world";
import { defaultSeed } from "./world/seed-world";

/**
 * Starts Reference CRM on 127.0.0.1 (port 0: a free one). The API token is derived from the
 * seed, so a sandbox restarted with the same seed accepts the credentials a connector instance
 * was configured with before. With `world`, the account holds that fixture (API.md, "Fixture
 * worlds") instead of the seeded people.
 */
export async function startReferenceSandbox(options: SandboxStartOptions = {}): Promise<RunningSandbox> {
  const seed = options.seed ?? defaultSeed;
  const apiToken = `rcrm_${createHash("sha256").update(`reference-sandbox:${seed}`).digest("hex").slice(0, 32)}`;
  const state = new SandboxState({
    seed,
    extraPeople: options.people ?? 0,
    rateLimitPerMinute: options.rateLimitPerMinute ?? defaultRequestsPerMinute,
    apiToken,
    ...(options.world !== undefined ? { fixture: readFixtureWorld(referenceWorldSchema, options.world) } : {}),
  });
  const { url, stop } = await listenOnLoopback(createSandboxApp(state), options.port);

  return {
    url,
    settings: { baseUrl: url },
    credentials: { apiToken },
    badCredentials: { apiToken: `rcrm_wrong_${"0".repeat(27)}` },
    stop,
  };
}
