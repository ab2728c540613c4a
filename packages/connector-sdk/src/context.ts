import type { ConnectorLogger } from "./logger";
import type { PersonalDataService } from "./personal-data";

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  /** Absolute URL; connectors build it from their settings. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** A JSON value (sent as application/json), a string or bytes. */
  body?: JsonValue | string | Uint8Array;
  /** Per-attempt timeout; defaults to the client's. */
  timeoutMs?: number;
  /**
   * Whether the request may be repeated after a 5xx or a network fault. GET, HEAD, PUT and
   * DELETE are idempotent by default; set this for a POST the vendor documents as safe to repeat.
   */
  idempotent?: boolean;
  /** A route label for stats and logs, e.g. `users.show`; never holds identifiers. */
  route?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  url: string;
  /** Parses JSON; a body that is not JSON is a VendorContractError. */
  json(): Promise<unknown>;
  text(): Promise<string>;
  /** The body as a stream of chunks, for binaries; read it once. */
  stream(): AsyncIterable<Uint8Array>;
}

/**
 * The only way a connector reaches the network. It applies the instance's rate limit, a timeout,
 * retries transient faults with jittered backoff, honours short `Retry-After`s, and turns the rest
 * into typed errors: 401 → AuthError, 403 → ScopeError, 429 with a long wait → RateLimitedError,
 * 5xx and network faults after the retries → TransientError. Other statuses (404, 409, 422 …) are
 * returned for the connector to interpret.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** Resumable state for the operation in progress (a page cursor, the refs already done). */
export interface CheckpointStore {
  /** The state saved by an earlier, interrupted run of the same operation, if any. */
  load(): Promise<JsonValue | undefined>;
  /**
   * Saves state. Call it after yielding the records the state covers: the runtime persists each
   * yielded item before asking for the next one, so a saved cursor never skips an unsaved record.
   */
  save(state: JsonValue): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface ConnectorContext<Settings = unknown, Secrets = unknown> {
  settings: Settings;
  secrets: Secrets;
  http: HttpClient;
  log: ConnectorLogger;
  signal: AbortSignal;
  clock: Clock;
  checkpoint: CheckpointStore;
  instance: { id: string; connectorId: string; connectorVersion: string };
  /** Finds personal data in text and where transcript words were said (see `PersonalDataService`). */
  personalData: PersonalDataService;
}
