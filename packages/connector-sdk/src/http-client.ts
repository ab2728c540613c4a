import { abortableSleep, abortReason, type Sleep } from "./abortable-sleep";
import type { HttpClient, HttpRequest, HttpResponse } from "./context";
import { AuthError, ConnectorError, RateLimitedError, ScopeError, TransientError } from "./errors";
import { wrapResponse } from "./http-response";
import { describeNetworkError } from "./network-error";
import type { RateLimiter } from "./rate-limiter";
import { parseRetryAfter } from "./retry-after";

/** One attempt of one request, as seen by a recorder (tests, stats). Never holds a query string. */
export interface HttpExchange {
  method: HttpRequest["method"];
  route?: string;
  /** Origin and path only: queries and bodies can hold identifiers. */
  url: string;
  status?: number;
  attempt: number;
  durationMs: number;
  error?: string;
}

export interface HttpClientOptions {
  rateLimiter?: RateLimiter;
  /** Per attempt, and per body chunk while reading; default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** The longest `Retry-After` waited inline; longer ones become RateLimitedError. Default 5 000. */
  maxInlineRetryAfterMs?: number;
  /** First backoff ceiling; doubles each retry (full jitter). Default 250. */
  baseDelayMs?: number;
  /** Cap on one backoff wait; default 10 000. */
  maxDelayMs?: number;
  /**
   * How many times an idempotent request is sent again when its 2xx body turns out not to be
   * JSON (cut short, garbled on the way) before that counts as a VendorContractError; default 2.
   */
  maxBodyRetries?: number;
  /** Aborting it stops the request, a wait or a body read at once. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  onExchange?: (exchange: HttpExchange) => void;
}

const idempotentMethods = new Set<HttpRequest["method"]>(["GET", "HEAD", "PUT", "DELETE"]);

type AttemptResult =
  | { kind: "response"; response: Response; controller: AbortController }
  | { kind: "failure"; error: unknown; timedOut: boolean };

/**
 * The `HttpClient` of docs/connectors.md (see its doc comment in context.ts for the error mapping).
 * Retries are the client's, not the connector's: a connector makes one call and gets either a
 * usable response or a typed error the runtime knows how to schedule.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = (options.maxRetries ?? 3) + 1;
  const maxInlineRetryAfterMs = options.maxInlineRetryAfterMs ?? 5_000;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxBodyRetries = options.maxBodyRetries ?? 2;
  const { signal, rateLimiter, onExchange } = options;

  const backoff = (attempt: number) =>
    Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));

  async function attemptOnce(request: HttpRequest, url: URL, init: RequestInit, timeoutMs: number) {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    const attemptSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    try {
      const response = await fetchImpl(url, { ...init, method: request.method, signal: attemptSignal });
      return { kind: "response", response, controller } satisfies AttemptResult;
    } catch (error) {
      // A typed refusal from the fetch itself (the runtime's outbound guard refusing an address)
      // is final: retrying would ask the same question again.
      if (error instanceof ConnectorError) throw error;
      return { kind: "failure", error, timedOut: controller.signal.aborted } satisfies AttemptResult;
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(request: HttpRequest, bodyRetriesLeft: number): Promise<HttpResponse> {
    const url = buildUrl(request);
    const path = `${url.origin}${url.pathname}`;
    const route = request.route ?? url.pathname;
    const label = `${request.method} ${route}`;
    const idempotent = request.idempotent ?? idempotentMethods.has(request.method);
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const init = encodeBody(request);

    for (let attempt = 1; ; attempt += 1) {
      signal?.throwIfAborted();
      await rateLimiter?.acquire(signal);
      const startedAt = performance.now();
      const result = await attemptOnce(request, url, init, timeoutMs);
      const durationMs = Math.round(performance.now() - startedAt);
      const record = (fields: { status?: number; error?: string }) =>
        onExchange?.({ method: request.method, route: request.route, url: path, attempt, durationMs, ...fields });
      const retriesLeft = attempt < maxAttempts;

      if (result.kind === "failure") {
        if (signal?.aborted) {
          record({ error: "aborted" });
          throw abortReason(signal);
        }
        const what = result.timedOut
          ? `timed out after ${timeoutMs} ms`
          : `failed: ${describeNetworkError(result.error)}`;
        record({ error: result.timedOut ? "timeout" : "network" });
        if (idempotent && retriesLeft) {
          await sleep(backoff(attempt), signal);
          continue;
        }
        throw new TransientError(`${label} ${what} on attempt ${attempt}`, { cause: result.error });
      }

      const { response, controller } = result;
      const status = response.status;
      record({ status });

      if (status === 401) {
        await discard(response);
        throw new AuthError(`${label} was refused: 401 Unauthorized`);
      }
      if (status === 403) {
        await discard(response);
        throw new ScopeError(`${label} is not allowed for these credentials: 403 Forbidden`);
      }
      if (status === 429) {
        await discard(response);
        const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
        const waitMs = retryAfterMs ?? backoff(attempt);
        await rateLimiter?.reportThrottle?.(waitMs);
        // A 429 was not processed, so repeating it is safe whatever the method.
        if (waitMs <= maxInlineRetryAfterMs && retriesLeft) {
          await sleep(waitMs, signal);
          continue;
        }
        throw new RateLimitedError(`${label} was rate limited: retry after ${waitMs} ms`, waitMs);
      }
      if (status >= 500) {
        await discard(response);
        const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
        if (idempotent && retriesLeft) {
          const useVendorWait = retryAfterMs !== undefined && retryAfterMs <= maxInlineRetryAfterMs;
          await sleep(useVendorWait ? retryAfterMs : backoff(attempt), signal);
          continue;
        }
        // The vendor's wait travels with the error: the runtime's retry waits at least that long.
        throw new TransientError(`${label} answered ${status} on attempt ${attempt}`, { retryAfterMs });
      }

      return wrapResponse(response, {
        label,
        route,
        timeoutMs,
        signal,
        abortAttempt: (reason) => controller.abort(reason),
        // A body that is not JSON on a 2xx is nearly always the transport's doing: ask again.
        ...(idempotent && bodyRetriesLeft > 0 ? { reread: () => send(request, bodyRetriesLeft - 1) } : {}),
        bodyAttempt: maxBodyRetries - bodyRetriesLeft + 1,
      });
    }
  }

  return { request: (request) => send(request, maxBodyRetries) };
}

function buildUrl(request: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    // The URL itself may hold identifiers; name only the route.
    throw new TypeError(`${request.method} ${request.route ?? "request"}: the URL is not absolute and valid`, {
      cause: error,
    });
  }
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}

function encodeBody(request: HttpRequest): RequestInit {
  const headers = new Headers(request.headers);
  const { body } = request;
  if (body === undefined) return { headers };
  if (typeof body === "string" || body instanceof Uint8Array) return { headers, body };
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return { headers, body: JSON.stringify(body) };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
