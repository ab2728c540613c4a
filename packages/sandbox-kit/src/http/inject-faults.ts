import type { RequestHandler, Response } from "express";
import type { FaultPlan } from "../fault-plan";
import type { SandboxStats } from "../sandbox-stats";

/** What a fault looks like at one vendor; the sandbox supplies it. */
export interface FaultStyle {
  faults: FaultPlan;
  stats: SandboxStats;
  /**
   * Answers an injected `status` fault with the vendor's own body for that status (its error
   * envelope, its 401 challenge). `Retry-After` is already set when the fault carries one.
   */
  sendStatus(res: Response, status: number): void;
  /**
   * A successful JSON body made to break the vendor's documented shape, as a `malformed` fault
   * serves it (see `malformRecords` for the usual way).
   */
  malform(body: unknown): unknown;
  /** A successful body cut short, as a `truncated` fault serves it. Default: its first half. */
  truncate?: (body: string | Uint8Array) => string | Uint8Array;
}

/**
 * Applies the next fault armed for this route (`POST /__sandbox/faults`). Put it after
 * authentication and the rate limit, just before the route's handler:
 * - `status`: answers that status with the vendor's body (and `Retry-After` if given); a 429
 *   counts as throttled;
 * - `slow`: waits `delayMs`, then answers normally;
 * - `truncated`: a successful body cut short, with a Content-Length that matches the cut body,
 *   so the client receives a complete HTTP response whose JSON (or file) is incomplete;
 * - `malformed`: a successful JSON body passed through the vendor's `malform`.
 * Error answers pass through `truncated` and `malformed` untouched: those faults are about content.
 */
export function injectFaults(style: FaultStyle, routeLabel: string): RequestHandler {
  const truncate = style.truncate ?? firstHalf;
  return (_req, res, next) => {
    const fault = style.faults.take(routeLabel);
    if (!fault) {
      next();
      return;
    }
    switch (fault.kind) {
      case "status":
        if (fault.retryAfterSeconds !== undefined) res.set("Retry-After", String(fault.retryAfterSeconds));
        if (fault.status === 429) style.stats.throttle();
        res.status(fault.status);
        style.sendStatus(res, fault.status);
        return;
      case "slow":
        setTimeout(next, fault.delayMs);
        return;
      case "truncated":
        interceptSend(res, truncate);
        next();
        return;
      case "malformed":
        interceptJson(res, (body) => style.malform(body));
        next();
        return;
    }
  };
}

function firstHalf(body: string | Uint8Array): string | Uint8Array {
  return typeof body === "string" ? body.slice(0, Math.floor(body.length / 2)) : body.subarray(0, Math.floor(body.byteLength / 2));
}

/* res.json() ends in res.send() with a string, so this cuts JSON and files alike. */
function interceptSend(res: Response, truncate: (body: string | Uint8Array) => string | Uint8Array): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode >= 300) return send(body);
    if (typeof body === "string") return send(truncate(body));
    if (body instanceof Uint8Array) return send(Buffer.from(truncate(body)));
    return send(body);
  };
}

function interceptJson(res: Response, malform: (body: unknown) => unknown): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => json(res.statusCode >= 300 ? body : malform(body));
}
