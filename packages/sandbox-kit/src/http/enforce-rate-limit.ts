import type { Request, RequestHandler, Response } from "express";
import type { RateDecision } from "../fixed-window-rate-limiter";
import type { SandboxStats } from "../sandbox-stats";

/** How one vendor limits requests and says so; the sandbox supplies it. */
export interface RateLimitPolicy {
  stats: SandboxStats;
  /**
   * Counts this request against its budget: typically `limiter.take(token, clock.now())`, keyed
   * the way the vendor keys (per token, per account, per endpoint).
   */
  decide(req: Request): RateDecision;
  /** The vendor's rate-limit headers, sent on every answer, allowed or not. */
  headers(decision: RateDecision): Record<string, string>;
  /** The vendor's 429 body (`Retry-After` is already set to the seconds until the window resets). */
  sendThrottled(res: Response, decision: RateDecision): void;
}

/**
 * The vendor's rate limit: the decision's headers on every answer; over the limit, a 429 with
 * `Retry-After`, counted as throttled. Put it after authentication, so that refused requests do
 * not spend the account's budget, as at most vendors.
 */
export function enforceRateLimit(policy: RateLimitPolicy): RequestHandler {
  return (req, res, next) => {
    const decision = policy.decide(req);
    res.set(policy.headers(decision));
    if (decision.allowed) {
      next();
      return;
    }
    policy.stats.throttle();
    res.set("Retry-After", String(decision.resetSeconds));
    res.status(429);
    policy.sendThrottled(res, decision);
  };
}
