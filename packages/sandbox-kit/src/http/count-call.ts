import type { RequestHandler } from "express";
import type { SandboxStats } from "../sandbox-stats";

/**
 * Counts a vendor request under its route label. Put it first in each vendor route's chain: every
 * request counts, refused and throttled ones too, so the stats show what clients sent.
 */
export function countCall(stats: SandboxStats, routeLabel: string): RequestHandler {
  return (_req, _res, next) => {
    stats.call(routeLabel);
    next();
  };
}
