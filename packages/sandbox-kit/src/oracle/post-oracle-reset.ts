import type { RequestHandler } from "express";
import { z } from "zod";
import { sendInvalidOracleRequest } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

const resetSchema = z.object({ seed: z.int().optional() }).optional();

/**
 * `POST /__sandbox/reset` `{ seed? }` → `{ seed, people }`: a freshly seeded world (the start seed
 * unless another is given), the clock back to real time, stats and faults cleared, and whatever
 * the sandbox's `reseed` clears (rate-limit windows). Credentials stay the same.
 */
export function postOracleReset(oracle: SandboxOracle): RequestHandler {
  return (req, res) => {
    const parsed = resetSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    const seed = parsed.data?.seed ?? oracle.startSeed;
    oracle.clock.reset();
    oracle.faults.clear();
    oracle.stats.clear();
    oracle.reseed(seed);
    res.status(200).json({ seed, people: oracle.people().length });
  };
}
