import { createHash } from "node:crypto";
import type { RunningSandbox, SandboxStartOptions } from "@lethe/connector-sdk";
import { readFixtureWorld } from "@lethe/sandbox-kit";
import { createSandboxApp } from "./app";
import { defaultRequestsPerMinute } from "./rate-limits";
import { SandboxState } from "./sandbox-state";
import { zendeskWorldSchema } from "./world/fixture-world";
import { defaultSeed } from "./world/seed-world";

/** The scrub delay of `timing: "demo"`. */
const demoScrubDelayMs = 2_000;

export interface ZendeskSandboxOptions extends SandboxStartOptions {
  /** Tickets each of `people` extra people requested (default 2). */
  extraPeopleTickets?: number;
  /** Extra tickets requested by the first subject (e.g. 1,100: more than the search API will page). */
  heavyTickets?: number;
  /** Delay before a permanently deleted user is scrubbed (default 30 s of sandbox time). */
  scrubDelayMs?: number;
}

export interface RunningZendeskSandbox extends RunningSandbox {
  /** The admin's credentials in the shapes node-zendesk takes. */
  admin: { email: string; apiToken: string; oauthAccessToken: string };
}

/**
 * Starts the Zendesk sandbox on 127.0.0.1 (port 0: a free one). Credentials are derived from the
 * seed, so a restart with the same seed accepts what an instance was configured with. With
 * `world`, the account holds that fixture (API.md, "Fixture worlds") instead of the seeded people.
 */
export async function startZendeskSandbox(options: ZendeskSandboxOptions = {}): Promise<RunningZendeskSandbox> {
  const seed = options.seed ?? defaultSeed;
  const derive = (purpose: string) => createHash("sha256").update(`zendesk-sandbox:${purpose}:${seed}`).digest("hex");
  const apiToken = derive("api-token").slice(0, 40);
  const oauthAccessToken = derive("oauth").slice(0, 64);
  const state = new SandboxState({
    seed,
    extraPeople: options.people ?? 0,
    extraPeopleTickets: options.extraPeopleTickets,
    heavyTickets: options.heavyTickets,
    rateLimitPerMinute: options.rateLimitPerMinute ?? defaultRequestsPerMinute,
    apiToken,
    oauthAccessToken,
    // Background jobs already finish within ten seconds (job-queue.ts); a demo need not wait 30 s for the scrub.
    scrubDelayMs: options.scrubDelayMs ?? (options.timing === "demo" ? demoScrubDelayMs : undefined),
    ...(options.world !== undefined ? { fixture: readFixtureWorld(zendeskWorldSchema, options.world) } : {}),
  });
  const app = createSandboxApp(state);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The sandbox is not listening on TCP");
  const url = `http://127.0.0.1:${address.port}`;
  const email = state.world.adminEmail;
  return {
    url,
    settings: { baseUrl: url },
    credentials: { email, apiToken },
    badCredentials: { email, apiToken: `wrong${"0".repeat(35)}` },
    admin: { email, apiToken, oauthAccessToken },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
