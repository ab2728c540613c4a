import type { SandboxClock } from "@lethe/sandbox-kit";
import type { RequestHandler } from "express";
import type { CallTimes } from "./call-times";

/**
 * Notes the arrival of a vendor call. First in each vendor route's chain, beside the call count:
 * what a client sent counts, whether it was then refused or throttled.
 */
export function recordCallTime(callTimes: CallTimes, clock: SandboxClock): RequestHandler {
  return (_req, _res, next) => {
    callTimes.record(clock.now());
    next();
  };
}
