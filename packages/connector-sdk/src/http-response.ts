import { abortReason } from "./abortable-sleep";
import type { HttpResponse } from "./context";
import { TransientError, VendorContractError } from "./errors";
import { describeNetworkError } from "./network-error";

/** What the client hands over with a response: how to bound and classify reading its body. */
export interface BodyReadContext {
  /** `GET users.show` or `GET /api/users/7`: never holds a query string. */
  label: string;
  route: string;
  timeoutMs: number;
  /** The caller's signal: aborting it stops a read at once. */
  signal: AbortSignal | undefined;
  /** Aborts the underlying fetch (the attempt's own controller). */
  abortAttempt: (reason: unknown) => void;
  /**
   * Sends the request again, for `json()` to read instead when this 2xx body is not JSON. Absent
   * when the request may not be repeated or the body re-reads are used up.
   */
  reread?: () => Promise<HttpResponse>;
  /** Which read of this request's body this is (1 = the first answer), for the error message. */
  bodyAttempt?: number;
}

/**
 * Wraps a fetch Response. Reading the body is bounded by the same timeout as the attempt, re-armed
 * for every chunk of a stream, so that a large recording may take as long as it needs while a
 * stalled connection still fails as a TransientError instead of hanging the worker.
 */
export function wrapResponse(response: Response, context: BodyReadContext): HttpResponse {
  let consumed = false;
  const claimBody = () => {
    if (consumed) throw new Error(`${context.label}: the response body was already read`);
    consumed = true;
  };

  const text = async () => {
    claimBody();
    return withIdleTimeout(context, () => response.text());
  };

  return {
    status: response.status,
    headers: response.headers,
    url: response.url,
    text,
    async json() {
      const body = await text();
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        if (context.reread && response.ok) return (await context.reread()).json();
        const reads = context.bodyAttempt ?? 1;
        throw new VendorContractError(
          `${context.label} answered ${response.status} with a body that is not JSON` +
            (reads > 1 ? ` ${reads} times in a row` : ""),
          { route: context.route },
          { cause: error },
        );
      }
    },
    stream() {
      claimBody();
      const body = response.body;
      return {
        async *[Symbol.asyncIterator]() {
          if (!body) return;
          const reader = body.getReader();
          try {
            for (;;) {
              const chunk = await withIdleTimeout(context, () => reader.read());
              if (chunk.done) return;
              yield chunk.value;
            }
          } finally {
            reader.releaseLock();
            // Abandoning a stream part-way must not leave the connection open.
            await body.cancel().catch(() => undefined);
          }
        },
      };
    },
  };
}

async function withIdleTimeout<T>(context: BodyReadContext, read: () => Promise<T>): Promise<T> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    context.abortAttempt(new DOMException("The body read timed out", "TimeoutError"));
  }, context.timeoutMs);
  try {
    return await read();
  } catch (error) {
    if (context.signal?.aborted) throw abortReason(context.signal);
    if (timedOut) {
      throw new TransientError(`${context.label} timed out after ${context.timeoutMs} ms reading the body`, {
        cause: error,
      });
    }
    throw new TransientError(`${context.label} lost the connection while reading the body: ${describeNetworkError(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
