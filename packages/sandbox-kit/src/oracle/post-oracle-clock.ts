import type { OracleClockChange } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import { z } from "zod";
import { sendInvalidOracleRequest } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

const clockChangeSchema = z
  .object({ advanceMs: z.int().nonnegative().optional(), set: z.iso.datetime({ offset: true }).optional() })
  .refine((change) => (change.advanceMs === undefined) !== (change.set === undefined), {
    message: "Give exactly one of advanceMs or set",
  }) satisfies z.ZodType<OracleClockChange>;

/**
 * `POST /__sandbox/clock` `{ advanceMs }` or `{ set: ISO date-time }` → `{ now }`. What time
 * triggers happens at once (`afterClockMove`), as the vendor's background jobs would have done.
 */
export function postOracleClock(oracle: SandboxOracle): RequestHandler {
  return (req, res) => {
    const parsed = clockChangeSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    if (parsed.data.advanceMs !== undefined) oracle.clock.advance(parsed.data.advanceMs);
    if (parsed.data.set !== undefined) oracle.clock.set(new Date(parsed.data.set));
    oracle.afterClockMove?.(oracle.clock.now());
    res.status(200).json({ now: oracle.clock.now().toISOString() });
  };
}
