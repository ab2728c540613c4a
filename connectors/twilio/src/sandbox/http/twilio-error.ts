import type { Response } from "express";

/** Twilio's error envelope: `{ code, message, more_info, status }` (the spec's error schema). */
export function sendTwilioError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

export function twilioCodeFor(status: number): number {
  if (status === 401) return 20003;
  if (status === 404) return 20404;
  if (status === 429) return 20429;
  if (status >= 500) return 20500;
  return 20001;
}

export function sendNotFound(res: Response, path: string): void {
  sendTwilioError(res, 404, 20404, `The requested resource ${path} was not found`);
}
