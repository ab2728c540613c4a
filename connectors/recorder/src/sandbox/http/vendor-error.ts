import { randomUUID } from "node:crypto";
import type { Response } from "express";

/**
 * The recorder's error body, Genesys Cloud's ErrorBody (vendor-apis.md §3.3):
 * `{ message, code, status, contextId, details: [{ entityId }], errors: [] }`.
 */
export function sendVendorError(res: Response, status: number, code: string, message: string, entityIds: string[] = []): void {
  res.status(status).json({
    message,
    code,
    status,
    contextId: randomUUID(),
    details: entityIds.map((entityId) => ({ entityId })),
    errors: [],
  });
}

export function vendorErrorCodeFor(status: number): string {
  if (status === 401) return "authentication.required";
  if (status === 403) return "missing.permissions";
  if (status === 404) return "not.found";
  if (status === 429) return "too.many.requests";
  if (status === 503) return "service.unavailable";
  if (status >= 500) return "internal.server.error";
  return "bad.request";
}
