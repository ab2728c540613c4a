import type { RequestHandler } from "express";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";
import { sendInvalidRequest } from "./send-invalid-request";

const resetSchema = z.object({ seed: z.int().optional() }).optional();

/**
 * `POST /__sandbox/reset` `{ seed? }` → `{ seed, people }`: a freshly seeded world (the start seed
 * unless another is given), the clock back to real time, stats, faults and rate-limit windows
 * cleared. The API token stays the same.
 */
export function postOracleReset(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = resetSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidRequest(res, parsed.error);
      return;
    }
    const seed = parsed.data?.seed ?? state.config.seed;
    state.reset(seed);
    res.status(200).json({ seed, people: state.world.oraclePeople.length });
  };
}
