import { createHash, generateKeyPairSync } from "node:crypto";
import type { RunningSandbox, SandboxStartOptions } from "@lethe/connector-sdk";
import { listenOnLoopback, readFixtureWorld } from "@lethe/sandbox-kit";
import { createSandboxApp } from "./app";
import { defaultDailyAllocation, SandboxState } from "./sandbox-state";
import { salesforceWorldSchema } from "./world/fixture-world";
import { defaultSeed } from "./world/seed-world";

export const sandboxUsername = "integration@acme-support.example.com";

/**
 * Starts the Salesforce sandbox on 127.0.0.1 (port 0: a free one). The connected app's consumer
 * key and secret derive from the seed, so a sandbox restarted with the same seed accepts the
 * credentials an instance was configured with; the JWT signing key is made at each start.
 * `credentials` use the client-credentials flow; `jwtCredentials` the JWT bearer flow. With
 * `world`, the org holds that fixture (fixture-world.ts; README, "Fixture worlds") instead of
 * the seeded people; a world that does not fit is refused with a SandboxWorldError naming each path.
 */
export async function startSalesforceSandbox(options: SandboxStartOptions = {}): Promise<RunningSandbox & { jwtCredentials: Record<string, unknown> }> {
  const seed = options.seed ?? defaultSeed;
  const derive = (what: string) => createHash("sha256").update(`salesforce-sandbox:${what}:${seed}`).digest("base64url");
  const clientId = `3MVG9${derive("client").slice(0, 40)}`;
  const clientSecret = derive("secret").slice(0, 40).toUpperCase();
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const state = new SandboxState({
    seed,
    extraPeople: options.people ?? 0,
    clientId,
    clientSecret,
    username: sandboxUsername,
    jwtPublicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    dailyAllocation: defaultDailyAllocation,
    ...(options.world !== undefined ? { fixture: readFixtureWorld(salesforceWorldSchema, options.world) } : {}),
  });
  const app = createSandboxApp(state);
  const { url, stop } = await listenOnLoopback(app, options.port);

  return {
    url,
    settings: { loginUrl: url, apiVersion: "62.0" },
    credentials: { flow: "client_credentials", clientId, clientSecret },
    jwtCredentials: {
      flow: "jwt_bearer",
      clientId,
      username: sandboxUsername,
      privateKey: keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    },
    badCredentials: { flow: "client_credentials", clientId, clientSecret: "WRONG".padEnd(40, "0") },
    stop,
  };
}
