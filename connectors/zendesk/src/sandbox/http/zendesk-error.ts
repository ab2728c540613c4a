import type { Response } from "express";

/*
 * Zendesk's error bodies (vendor-apis.md §2.6). Older endpoints answer `{ error, description }`;
 * newer ones `{ error: { title, message } }`. A 429 is plain text.
 */

export const notFoundBody = { error: "RecordNotFound", description: "Not found" };

export function sendNotFound(res: Response): void {
  res.status(404).json(notFoundBody);
}

export function sendUnauthorised(res: Response): void {
  res.set("WWW-Authenticate", 'Basic realm="Web Password"');
  res.status(401).json({ error: "Couldn't authenticate you" });
}

export function sendRecordInvalid(res: Response, field: string, description: string, error = "InvalidValue"): void {
  res.status(422).json({
    error: "RecordInvalid",
    description: "Record validation errors",
    details: { [field]: [{ description, error }] },
  });
}

/** One field's validation errors, as Zendesk lists them under `details`. */
export type RecordErrors = Record<string, { description: string; error: string }[]>;

/** 422 `RecordInvalid` with every field that failed (Zendesk reports them all at once). */
export function sendRecordErrors(res: Response, details: RecordErrors): void {
  res.status(422).json({ error: "RecordInvalid", description: "Record validation errors", details });
}

export function sendInvalidAttribute(res: Response, message: string): void {
  res.status(400).json({ error: { title: "Invalid attribute", message } });
}

export function sendTooManyRequests(res: Response, retryAfterSeconds: number): void {
  res.set("Retry-After", String(retryAfterSeconds));
  res.status(429).type("text/plain").send("Number of allowed API requests per minute exceeded");
}

/**
 * The body of an injected fault with this status (the kit has set the status, and `Retry-After`
 * when the fault gives one; a 429 without one says 60 seconds, as Zendesk's minute window would).
 */
export function sendStatus(res: Response, status: number): void {
  if (status === 429) {
    sendTooManyRequests(res, Number(res.get("Retry-After") ?? 60));
    return;
  }
  if (status === 401) return sendUnauthorised(res);
  if (status === 404) return sendNotFound(res);
  if (status === 403) {
    res.status(403).json({ error: "Forbidden", description: "You do not have access to this page. Please contact the account owner of this help desk for further help." });
    return;
  }
  if (status === 422) return sendRecordInvalid(res, "base", "Injected fault", "Invalid");
  if (status === 503) {
    res.status(503).json({ error: "unavailable", description: "Sorry, we could not complete your search query. Please try again in a moment." });
    return;
  }
  if (status >= 500) {
    res.status(status).json({ error: "InternalServerError", description: "Something went wrong. Please try again." });
    return;
  }
  res.status(status).json({ error: "InvalidRequest", description: `Injected fault: ${status}` });
}
