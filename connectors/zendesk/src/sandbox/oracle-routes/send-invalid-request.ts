import type { Response } from "express";
import type { z } from "zod";

/** Oracle routes answer a body they cannot use with 400 and zod's issues, so tools can fix it. */
export function sendInvalidRequest(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: { code: "invalid_request", message: "The body does not match the oracle's schema.", issues: error.issues } });
}
