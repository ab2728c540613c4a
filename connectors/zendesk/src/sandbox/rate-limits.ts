import { FixedWindowRateLimiter, type RateDecision } from "@lethe/sandbox-kit";

/** vendor-apis.md §2.5: the Team plan's account-wide limit. */
export const defaultRequestsPerMinute = 200;

/**
 * Endpoint limits documented beside the account limit (§2.5): permanent user deletion 700 per
 * 10 minutes, export search 100 per minute, the deleted-tickets list 10 per minute. When a test
 * raises the account limit above the plan's default, they are raised in proportion, so that only
 * the account limit needs configuring.
 */
export const endpointLimits: Record<string, { limit: number; windowMs: number }> = {
  "DELETE /api/v2/deleted_users/:id": { limit: 700, windowMs: 600_000 },
  "GET /api/v2/search/export": { limit: 100, windowMs: 60_000 },
  "GET /api/v2/deleted_tickets": { limit: 10, windowMs: 60_000 },
};

/** The account's minute (fixed windows, as Zendesk counts) and the endpoint limits. */
export class RateLimits {
  private readonly account: FixedWindowRateLimiter;
  private readonly endpoints = new Map<string, FixedWindowRateLimiter>();

  constructor(private readonly perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`rateLimitPerMinute must be a positive integer, got ${perMinute}`);
    this.account = new FixedWindowRateLimiter({ limit: perMinute, windowMs: 60_000 });
  }

  /** The account decision, or the endpoint's when that one refuses. */
  take(routeLabel: string, at: number): RateDecision {
    const account = this.account.take("account", new Date(at));
    if (!account.allowed) return account;
    const documented = endpointLimits[routeLabel];
    if (!documented) return account;
    let window = this.endpoints.get(routeLabel);
    if (!window) {
      const scale = Math.max(1, this.perMinute / defaultRequestsPerMinute);
      window = new FixedWindowRateLimiter({ limit: Math.ceil(documented.limit * scale), windowMs: documented.windowMs });
      this.endpoints.set(routeLabel, window);
    }
    const endpoint = window.take(routeLabel, new Date(at));
    return endpoint.allowed ? account : endpoint;
  }

  clear(): void {
    this.account.clear();
    this.endpoints.clear();
  }
}
