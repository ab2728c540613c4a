import { sendInvalidOracleRequest } from "@lethe/sandbox-kit";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";

const redactionFaultSchema = z.object({ ignoreNext: z.int().min(0).max(100) });

/**
 * `POST /__sandbox/redactions` `{ ignoreNext }` → 200: the next `ignoreNext` comment redactions
 * (`PUT /api/v2/comment_redactions/:id`) answer 200 with the comment and change nothing — a
 * redaction reported done that did not happen, which only reading the comment back reveals.
 * `0` disarms it; `POST /__sandbox/reset` does too.
 */
export function postRedactionFaults(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = redactionFaultSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    state.store.redactionsToIgnore = parsed.data.ignoreNext;
    res.status(200).json(parsed.data);
  };
}
