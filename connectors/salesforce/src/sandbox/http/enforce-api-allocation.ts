import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendSalesforceError } from "./salesforce-error";

/**
 * Counts the call against the daily allocation and reports usage in `Sforce-Limit-Info` on every
 * response; past the allocation, 403 REQUEST_LIMIT_EXCEEDED (not 429; vendor-apis.md §1.9 trap 4).
 */
export function enforceApiAllocation(state: SandboxState): RequestHandler {
  return (_req, res, next) => {
    const now = state.clock.now();
    const allowed = state.allocation.take(now);
    res.set("Sforce-Limit-Info", state.allocation.header(now));
    if (!allowed) {
      sendSalesforceError(res, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
      return;
    }
    next();
  };
}
