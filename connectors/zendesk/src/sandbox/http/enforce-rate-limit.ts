import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendTooManyRequests } from "./zendesk-error";

/**
 * vendor-apis.md §2.5: `X-Rate-Limit` and `X-Rate-Limit-Remaining` on every answer (and the
 * `ratelimit-*` trio); over the account's minute or an endpoint's own limit, 429 with
 * `Retry-After` in seconds. Runs after authentication: refused requests spend nothing.
 */
export function enforceRateLimit(state: SandboxState, routeLabel: string): RequestHandler {
  return (_req, res, next) => {
    const decision = state.limits.take(routeLabel, state.now());
    res.set({
      "X-Rate-Limit": String(decision.limit),
      "X-Rate-Limit-Remaining": String(decision.remaining),
      "ratelimit-limit": String(decision.limit),
      "ratelimit-remaining": String(decision.remaining),
      "ratelimit-reset": String(decision.resetSeconds),
    });
    if (decision.allowed) {
      next();
      return;
    }
    state.stats.throttle();
    sendTooManyRequests(res, decision.resetSeconds);
  };
}
