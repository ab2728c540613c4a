import type { Response } from "express";

/** The REST API's error body: a JSON array of `{message, errorCode, fields?}` (vendor-apis.md §1.4). */
export function sendSalesforceError(res: Response, status: number, errorCode: string, message: string, fields?: string[]): void {
  res.status(status).json([{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

/** The token endpoint's error body is OAuth's, not the REST array (vendor-apis.md §1.2). */
export function sendOAuthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

export function errorCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "MALFORMED_QUERY";
    case 401:
      return "INVALID_SESSION_ID";
    case 403:
      return "INSUFFICIENT_ACCESS";
    case 404:
      return "NOT_FOUND";
    case 429:
    case 503:
      return "SERVER_UNAVAILABLE";
    default:
      return "UNKNOWN_EXCEPTION";
  }
}
