export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Seconds until the window resets, rounded up (at least 1). */
  resetSeconds: number;
}

export interface FixedWindow {
  /** Requests allowed per window and key; a positive integer. */
  limit: number;
  /** Default: one minute. */
  windowMs?: number;
}

/**
 * A fixed window per key (an API token, an account, a route), the scheme most vendors document:
 * the first request opens a window, every request in it counts, and the count starts again when
 * the window is over. Time comes from the caller (the sandbox's clock), so tests can move it.
 */
export class FixedWindowRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor({ limit, windowMs = 60_000 }: FixedWindow) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new Error(`A rate-limit window must be positive, got ${windowMs} ms`);
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one request of `key` at `now` if the window has room, and says what is left. */
  take(key: string, now: Date): RateDecision {
    const at = now.getTime();
    let window = this.windows.get(key);
    // A clock set back (POST /__sandbox/clock) opens a new window rather than a negative one.
    if (!window || at - window.startedAt >= this.windowMs || at < window.startedAt) {
      window = { startedAt: at, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < this.limit;
    if (allowed) window.used++;
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - window.used,
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - at) / 1000)),
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
