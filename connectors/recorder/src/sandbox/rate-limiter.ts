/** The recorder's documented default per OAuth client (API.md, "Rate limit"). */
export const defaultRequestsPerMinute = 300;
const windowMs = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets, rounded up. */
  resetSeconds: number;
}

/**
 * A fixed one-minute window per API token, the scheme most vendors document: the first request
 * opens a window, every request in it counts, and the count starts again when the minute is over.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`rateLimitPerMinute must be a positive integer, got ${limit}`);
    }
  }

  take(token: string, now: Date): RateDecision {
    const at = now.getTime();
    let window = this.windows.get(token);
    if (!window || at - window.startedAt >= windowMs || at < window.startedAt) {
      window = { startedAt: at, used: 0 };
      this.windows.set(token, window);
    }
    const allowed = window.used < this.limit;
    if (allowed) window.used++;
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - window.used,
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000)),
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
