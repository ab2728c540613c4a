import { personalDataService } from "@lethe/connector-testkit";
import {
  createHttpClient,
  createSafeLogger,
  type CheckpointStore,
  type HttpClient,
  type HttpRequest,
  type JsonValue,
  type RunningSandbox,
} from "@lethe/connector-sdk";
import { zendeskSecrets, zendeskSettings, type ZendeskContext } from "../src/settings";

/* Test support: a context like the runtime's (the SDK's HTTP client and logger) on a sandbox. */

export function memoryCheckpoint(initial?: JsonValue): CheckpointStore & { saves: JsonValue[] } {
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

/** Every request the connector made (method, route label, URL with its query, body). */
export type SentRequest = Pick<HttpRequest, "method" | "url" | "query" | "body" | "route">;

export function zendeskContext(
  sandbox: RunningSandbox,
  options: { secrets?: unknown; sent?: SentRequest[]; signal?: AbortSignal; checkpoint?: CheckpointStore } = {},
): ZendeskContext {
  const signal = options.signal ?? new AbortController().signal;
  const client = createHttpClient({ signal, baseDelayMs: 5, maxDelayMs: 20, maxInlineRetryAfterMs: 2_000, timeoutMs: 10_000 });
  const sent = options.sent;
  const http: HttpClient = sent
    ? { request: (request) => (sent.push({ method: request.method, url: request.url, query: request.query, body: request.body, route: request.route }), client.request(request)) }
    : client;
  return {
    settings: zendeskSettings.parse(sandbox.settings),
    secrets: zendeskSecrets.parse(options.secrets ?? sandbox.credentials),
    http,
    log: createSafeLogger({ level: "warn", sink: () => undefined }),
    signal,
    clock: { now: () => new Date() },
    checkpoint: options.checkpoint ?? memoryCheckpoint(),
    instance: { id: "test-zendesk", connectorId: "zendesk", connectorVersion: "0.1.0" },
    personalData: personalDataService,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
