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

/** A field of a request body that failed validation, and why (API.md, "Errors"). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every vendor error has this one envelope: `{ "error": { "code", "message" } }`; a body that
 * fails validation also lists its fields under `error.fields`.
 */
export function sendVendorError(
  res: Response,
  status: number,
  code: VendorErrorCode,
  message: string,
  fields?: FieldError[],
): void {
  res.status(status).json({ error: { code, message, ...(fields ? { fields } : {}) } });
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
