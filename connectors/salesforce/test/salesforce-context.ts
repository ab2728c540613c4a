import { personalDataService } from "@lethe/connector-testkit";
import { createHttpClient, createSafeLogger, type CheckpointStore, type JsonValue, type RunningSandbox } from "@lethe/connector-sdk";
import { salesforceSecrets, salesforceSettings, type SalesforceContext } from "../src/settings";

/* Test support: a context like the runtime's (the SDK's HTTP client and logger) on a sandbox. */

export function memoryCheckpoint(): CheckpointStore {
  let current: JsonValue | undefined;
  return { load: async () => current, save: async (state) => void (current = state) };
}

export function salesforceContext(
  sandbox: RunningSandbox,
  options: { secrets?: unknown; settings?: Record<string, unknown>; signal?: AbortSignal; now?: () => Date } = {},
): SalesforceContext {
  const signal = options.signal ?? new AbortController().signal;
  return {
    settings: salesforceSettings.parse({ ...sandbox.settings, ...options.settings }),
    secrets: salesforceSecrets.parse(options.secrets ?? sandbox.credentials),
    http: createHttpClient({ signal, baseDelayMs: 5, maxDelayMs: 20, maxInlineRetryAfterMs: 2_000, timeoutMs: 5_000 }),
    log: createSafeLogger({ level: "warn", sink: () => undefined }),
    signal,
    clock: { now: options.now ?? (() => new Date()) },
    checkpoint: memoryCheckpoint(),
    instance: { id: "test-salesforce", connectorId: "salesforce", connectorVersion: "0.1.0" },
    personalData: personalDataService,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A raw client of the sandbox's REST API, for wire-shape tests: a token, then fetch. */
export async function rawSession(sandbox: RunningSandbox): Promise<{ token: string; get(path: string, init?: RequestInit): Promise<Response> }> {
  const credentials = sandbox.credentials as { clientId: string; clientSecret: string };
  const response = await fetch(`${sandbox.url}/services/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return {
    token,
    get: (path, init = {}) => fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } }),
  };
}

export const api = "/services/data/v62.0";

export function soql(path: "query" | "queryAll", query: string): string {
  return `${api}/${path}?q=${encodeURIComponent(query)}`;
}
