import type { Response } from "express";

/** The error codes Reference CRM documents (API.md, "Errors"). */
export type VendorErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_request"
  | "rate_limited"
  | "server_error"
  | "service_unavailable";

/** Every vendor error has this one envelope: `{ "error": { "code", "message" } }`. */
export function sendVendorError(res: Response, status: number, code: VendorErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function vendorErrorCodeFor(status: number): VendorErrorCode {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 503) return "service_unavailable";
  if (status >= 500) return "server_error";
  return "invalid_request";
}
