import {
  createHttpClient,
  createSafeLogger,
  type CheckpointStore,
  type JsonValue,
  type RunningSandbox,
} from "@lethe/connector-sdk";
import { createOracleClient, personalDataService, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { z } from "zod";
import { startRecorderSandbox } from "../src/sandbox/start-sandbox";
import { recorderSecrets, recorderSettings, type RecorderContext } from "../src/settings";

/* Test support: a context like the runtime's (the SDK's HTTP client and logger) on a sandbox. */

export function memoryCheckpoint(): CheckpointStore {
  let current: JsonValue | undefined;
  return {
    load: async () => (current === undefined ? undefined : structuredClone(current)),
    save: async (state) => {
      current = structuredClone(state);
    },
  };
}

export function recorderContext(sandbox: RunningSandbox, options: { secrets?: unknown } = {}): RecorderContext {
  const signal = new AbortController().signal;
  return {
    settings: recorderSettings.parse(sandbox.settings),
    secrets: recorderSecrets.parse(options.secrets ?? sandbox.credentials),
    // Short waits so that retried faults cost milliseconds.
    http: createHttpClient({ signal, baseDelayMs: 5, maxDelayMs: 20, maxInlineRetryAfterMs: 2_000, timeoutMs: 5_000 }),
    log: createSafeLogger({ sink: () => undefined }),
    signal,
    clock: { now: () => new Date() },
    checkpoint: memoryCheckpoint(),
    instance: { id: "test-recorder", connectorId: "recorder", connectorVersion: "0.1.0" },
    personalData: personalDataService,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const cardMention = z.object({
  utteranceId: z.string(),
  utteranceIndex: z.int(),
  firstWord: z.int(),
  lastWord: z.int(),
  channel: z.int(),
  speaker: z.enum(["customer", "agent"]),
  startMs: z.int(),
  endMs: z.int(),
  pan: z.string(),
});

const oracleRecording = z.object({
  id: z.string(),
  fileState: z.string(),
  durationMs: z.int(),
  legalHold: z.object({ holdId: z.string(), basis: z.string() }).loose().nullable(),
  deletion: z.object({ jobId: z.string(), state: z.string() }).nullable(),
  participants: z.array(z.object({ participantId: z.string(), role: z.string(), channel: z.int().nullable(), personId: z.string().nullable() })),
  cardMentions: z.array(cardMention),
  redactions: z.array(z.object({ channel: z.int(), startMs: z.int(), endMs: z.int() }).loose()),
});
export type OracleRecording = z.output<typeof oracleRecording>;

/** The sandbox's recorder-specific oracle routes (ground truth and stored media). */
export function recorderOracle(sandbox: RunningSandbox) {
  const url = `${sandbox.url}/__sandbox`;
  return {
    recordings: async () => z.object({ recordings: z.array(oracleRecording) }).parse(await (await fetch(`${url}/recordings`)).json()).recordings,
    media: async (id: string) => {
      const response = await fetch(`${url}/recordings/${id}/media`);
      return response.status === 404 ? undefined : Buffer.from(await response.arrayBuffer());
    },
    failNextJobs: async (failNext: number) => {
      await fetch(`${url}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ failNext }) });
    },
    leavePartsOfNextJobs: async (leavePartsNext: number) => {
      await fetch(`${url}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ leavePartsNext }) });
    },
  };
}

/** A bearer token from the sandbox's OAuth endpoint, for tests that speak to the vendor API directly. */
export async function vendorToken(sandbox: RunningSandbox): Promise<string> {
  const { clientId, clientSecret } = z.object({ clientId: z.string(), clientSecret: z.string() }).parse(sandbox.credentials);
  const response = await fetch(`${sandbox.url}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  return z.object({ access_token: z.string() }).parse(await response.json()).access_token;
}

/** A seeded recorder sandbox shared by a test file, its world reset before each test. */
export interface SeededRecorder {
  readonly sandbox: RunningSandbox;
  /** The kit's oracle routes (people, their records, reset, clock, faults). */
  readonly oracle: OracleClient;
  /** The recorder's own oracle routes (ground truth on calls, stored media, job faults). */
  readonly truth: ReturnType<typeof recorderOracle>;
  /** A fresh connector context on the sandbox. */
  ctx(): RecorderContext;
}

/**
 * Starts the sandbox (seed 1, no rate limit to speak of) before the file's tests, stops it after
 * them and resets it to the seed before each; read the fields inside tests, not at import.
 */
export function useSeededRecorder(seed = 1): SeededRecorder {
  let running: { sandbox: RunningSandbox; oracle: OracleClient; truth: ReturnType<typeof recorderOracle> } | undefined;
  const started = () => {
    if (!running) throw new Error("the seeded recorder is started in beforeAll; use it inside tests");
    return running;
  };
  beforeAll(async () => {
    const sandbox = await startRecorderSandbox({ seed, rateLimitPerMinute: 1_000_000 });
    running = { sandbox, oracle: createOracleClient(sandbox.url), truth: recorderOracle(sandbox) };
  });
  afterAll(() => running?.sandbox.stop());
  beforeEach(() => started().oracle.reset(seed));
  return {
    get sandbox() {
      return started().sandbox;
    },
    get oracle() {
      return started().oracle;
    },
    get truth() {
      return started().truth;
    },
    ctx: () => recorderContext(started().sandbox),
  };
}
