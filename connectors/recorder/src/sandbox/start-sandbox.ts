import { createHash } from "node:crypto";
import type { RunningSandbox, SandboxStartOptions } from "@lethe/connector-sdk";
import { listenOnLoopback, readFixtureWorld } from "@lethe/sandbox-kit";
import { createSandboxApp } from "./app";
import { defaultRequestsPerMinute } from "./http/rate-limit-policy";
import { SandboxState } from "./sandbox-state";
import { recorderWorldSchema } from "./world/fixture-world";
import { demoJobTiming, realisticJobTiming } from "./world/deletion-jobs";
import { defaultSeed } from "./world/seed-world";

/**
 * Starts the recorder on 127.0.0.1 (port 0: a free one). The client secret is derived from the
 * seed, so a sandbox restarted with the same seed accepts the instance configured before.
 * With `world`, the recorder holds that fixture's calls (API.md, "Fixture worlds") instead of the
 * seeded ones; a bad file throws a SandboxWorldError naming each problem's path. `people` (extra
 * generated people) is not supported. `timing: "demo"` makes deletion jobs finish in three
 * seconds instead of six minutes.
 */
export async function startRecorderSandbox(options: SandboxStartOptions = {}): Promise<RunningSandbox> {
  const seed = options.seed ?? defaultSeed;
  const clientId = "lethe-sandbox";
  const clientSecret = `rec_${createHash("sha256").update(`recorder-sandbox:${seed}`).digest("hex").slice(0, 32)}`;
  const state = new SandboxState({
    seed,
    rateLimitPerMinute: options.rateLimitPerMinute ?? defaultRequestsPerMinute,
    clientId,
    clientSecret,
    jobTiming: options.timing === "demo" ? demoJobTiming : realisticJobTiming,
    ...(options.world !== undefined ? { fixture: readFixtureWorld(recorderWorldSchema, options.world) } : {}),
  });
  const app = createSandboxApp(state);

  const { url, stop } = await listenOnLoopback(app, options.port);

  return {
    url,
    settings: { baseUrl: url, defaultRegion: "US" },
    credentials: { clientId, clientSecret },
    badCredentials: { clientId, clientSecret: `rec_wrong_${"0".repeat(22)}` },
    stop,
  };
}
