import type { RateLimitPolicy } from "@lethe/sandbox-kit";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError } from "./vendor-error";

/** The recorder's documented default per OAuth client (API.md, "Rate limit"). */
export const defaultRequestsPerMinute = 300;

/**
 * API.md, "Rate limit": requests count per access token in a fixed minute; every answer carries
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds); over the limit, 429
 * `too.many.requests` with `Retry-After` (the kit sets it).
 */
export function rateLimitPolicy(state: SandboxState): RateLimitPolicy {
  return {
    stats: state.stats,
    decide: (req) => state.limiter.take(req.get("authorization") ?? "", state.clock.now()),
    headers: (decision) => ({
      "X-RateLimit-Limit": String(decision.limit),
      "X-RateLimit-Remaining": String(decision.remaining),
      "X-RateLimit-Reset": String(decision.resetSeconds),
    }),
    sendThrottled: (res, decision) =>
      sendVendorError(res, 429, "too.many.requests", `More than ${decision.limit} requests in a minute; retry later.`),
  };
}
