import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError } from "./vendor-error";

/**
 * Counts the request against its token's minute and says so in `X-RateLimit-*` headers on every
 * answer; over the limit, a 429 with `Retry-After` (seconds until the window resets).
 * Runs after authentication: refused requests do not spend the account's budget.
 */
export function enforceRateLimit(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const token = req.get("authorization") ?? "";
    const decision = state.limiter.take(token, state.clock.now());
    res.set({
      "X-RateLimit-Limit": String(decision.limit),
      "X-RateLimit-Remaining": String(decision.remaining),
      "X-RateLimit-Reset": String(decision.resetSeconds),
    });
    if (decision.allowed) {
      next();
      return;
    }
    state.stats.throttle();
    res.set("Retry-After", String(decision.resetSeconds));
    sendVendorError(res, 429, "too.many.requests", `More than ${decision.limit} requests in a minute; retry later.`);
  };
}
