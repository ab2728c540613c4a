import { abortableSleep, type Sleep } from "./abortable-sleep";

/**
 * Paces requests to one connector instance. The HTTP client calls `acquire` before every attempt
 * and `reportThrottle` when the vendor answers 429, so that a limiter shared by several workers
 * (the runtime's Postgres-backed one) can pause all of them, not only the one that was refused.
 */
export interface RateLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
  reportThrottle?(retryAfterMs: number): Promise<void> | void;
}

export interface TokenBucketOptions {
  requestsPerMinute: number;
  /** Requests that may go at once after a quiet spell; defaults to one second's worth (at least 1). */
  burst?: number;
  now?: () => number;
  sleep?: Sleep;
}

/**
 * An in-process token bucket. Each caller reserves a token on arrival (the balance may go
 * negative) and waits until the bucket has refilled to cover it, so waiters are served in
 * arrival order at exactly the configured rate. A reported throttle empties the bucket and
 * holds every caller until the vendor's `Retry-After` has passed.
 */
export function createTokenBucketRateLimiter(options: TokenBucketOptions): RateLimiter {
  const { requestsPerMinute } = options;
  if (!(requestsPerMinute > 0) || !Number.isFinite(requestsPerMinute)) {
    throw new RangeError(`requestsPerMinute must be a positive number, got ${requestsPerMinute}`);
  }
  const burst = options.burst ?? Math.max(1, Math.ceil(requestsPerMinute / 60));
  if (!(burst >= 1)) throw new RangeError(`burst must be at least 1, got ${burst}`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const tokensPerMs = requestsPerMinute / 60_000;

  let tokens = burst;
  let refilledAt = now();
  let pausedUntil = 0;

  const refill = () => {
    const t = now();
    if (t > refilledAt) {
      tokens = Math.min(burst, tokens + (t - refilledAt) * tokensPerMs);
      refilledAt = t;
    }
  };

  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      refill();
      tokens -= 1;
      const waitForToken = tokens < 0 ? refilledAt - now() + -tokens / tokensPerMs : 0;
      try {
        if (waitForToken > 0) await sleep(Math.ceil(waitForToken), signal);
        // A throttle reported while this caller slept moves its turn past the vendor's pause.
        while (pausedUntil > now()) await sleep(pausedUntil - now(), signal);
      } catch (error) {
        tokens += 1;
        throw error;
      }
    },
    reportThrottle(retryAfterMs) {
      const until = now() + Math.max(0, retryAfterMs);
      if (until <= pausedUntil) return;
      refill();
      pausedUntil = until;
      tokens = Math.min(tokens, 0);
      refilledAt = until;
    },
  };
}
