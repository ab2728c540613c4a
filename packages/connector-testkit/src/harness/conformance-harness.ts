import type {
  AnyConnector,
  CheckpointStore,
  ConnectorContext,
  ConnectorLogger,
  HttpClient,
  RunningSandbox,
  SandboxDefinition,
} from "@lethe/connector-sdk";
import { createConnectorContext } from "../context/create-connector-context";
import { secretStrings } from "../context/secret-strings";
import { createOracleClient, type OracleClient } from "../oracle/oracle-client";

export interface ContextOverrides {
  signal?: AbortSignal;
  checkpoint?: CheckpointStore;
  logger?: ConnectorLogger;
  http?: HttpClient;
  /** Defaults to the sandbox's good credentials. */
  secrets?: unknown;
}

/** What every check is handed: the connector, its running sandbox and the sandbox's oracle. */
export interface ConformanceHarness {
  readonly connector: AnyConnector;
  readonly sandbox: RunningSandbox;
  readonly oracle: OracleClient;
  readonly seed: number;
  /** A fresh context wired to the sandbox (the sandbox's settings, its good credentials). */
  context(overrides?: ContextOverrides): ConnectorContext;
  /** Restores the seeded world and clears faults and stats, so that checks do not depend on each other. */
  reset(): Promise<void>;
  /** The string values of the sandbox's credentials, which must never leak. */
  secretValues(): string[];
}

export interface HarnessOptions {
  connector: AnyConnector;
  sandbox: SandboxDefinition;
  seed?: number;
  /**
   * The sandbox's rate limit during the suite. High by default: the vendor-like limit is itself
   * exercised by the fault checks, and must not turn the other checks into waiting games.
   */
  rateLimitPerMinute?: number;
}

export const defaultSeed = 1;

/** Shortest secret value looked for in outputs and logs; shorter ones match by accident. */
const minimumSecretLength = 4;

export async function startConformanceHarness(options: HarnessOptions): Promise<ConformanceHarness> {
  const seed = options.seed ?? defaultSeed;
  const running = await options.sandbox.start({ port: 0, seed, rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000 });
  return createConformanceHarness(options.connector, running, seed);
}

export function createConformanceHarness(
  connector: AnyConnector,
  sandbox: RunningSandbox,
  seed: number,
): ConformanceHarness {
  const oracle = createOracleClient(sandbox.url);
  return {
    connector,
    sandbox,
    oracle,
    seed,
    context: (overrides = {}) =>
      createConnectorContext({
        connector,
        settings: sandbox.settings,
        secrets: overrides.secrets ?? sandbox.credentials,
        signal: overrides.signal,
        checkpoint: overrides.checkpoint,
        logger: overrides.logger,
        http: overrides.http,
      }),
    reset: () => oracle.reset(seed),
    secretValues: () => secretStrings(sandbox.credentials).filter((value) => value.length >= minimumSecretLength),
  };
}
