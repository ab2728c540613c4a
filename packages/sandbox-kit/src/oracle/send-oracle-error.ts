import type { Response } from "express";
import type { z } from "zod";

/*
 * The oracle is ours, not the vendor's: its errors have one envelope in every sandbox,
 * `{ error: { code, message, issues? } }`, whatever the vendor's own look like.
 */

/** A body the oracle cannot use: 400 with zod's issues, so that tools can fix it. */
export function sendInvalidOracleRequest(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: { code: "invalid_request", message: "The body does not match the oracle's schema.", issues: error.issues } });
}

export function sendOracleNotFound(res: Response, message: string): void {
  res.status(404).json({ error: { code: "not_found", message } });
}
