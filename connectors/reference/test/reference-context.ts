import { personalDataService } from "@lethe/connector-testkit";
import {
  createHttpClient,
  createSafeLogger,
  type CheckpointStore,
  type JsonValue,
  type RunningSandbox,
} from "@lethe/connector-sdk";
import { referenceSecrets, referenceSettings, type ReferenceContext } from "../src/settings";

/* Test support: a context like the runtime's (the SDK's HTTP client and logger) on a sandbox. */

export interface MemoryCheckpoint extends CheckpointStore {
  readonly saves: JsonValue[];
}

export function memoryCheckpoint(initial?: JsonValue): MemoryCheckpoint {
  let current = initial === undefined ? undefined : structuredClone(initial);
  const saves: JsonValue[] = [];
  return {
    saves,
    load: async () => (current === undefined ? undefined : structuredClone(current)),
    save: async (state) => {
      current = structuredClone(state);
      saves.push(structuredClone(state));
    },
  };
}

export interface LoggedLine {
  level: string;
  message: string;
  fields: unknown;
}

export function referenceContext(
  sandbox: RunningSandbox,
  options: { checkpoint?: CheckpointStore; signal?: AbortSignal; secrets?: unknown; lines?: LoggedLine[] } = {},
): ReferenceContext {
  const signal = options.signal ?? new AbortController().signal;
  const lines = options.lines ?? [];
  return {
    settings: referenceSettings.parse(sandbox.settings),
    secrets: referenceSecrets.parse(options.secrets ?? sandbox.credentials),
    // Short waits so that retried faults cost milliseconds.
    http: createHttpClient({ signal, baseDelayMs: 5, maxDelayMs: 20, maxInlineRetryAfterMs: 2_000, timeoutMs: 5_000 }),
    log: createSafeLogger({ level: "debug", sink: (level, message, fields) => lines.push({ level, message, fields }) }),
    signal,
    clock: { now: () => new Date() },
    checkpoint: options.checkpoint ?? memoryCheckpoint(),
    instance: { id: "test-reference", connectorId: "reference", connectorVersion: "0.1.0" },
    personalData: personalDataService,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
