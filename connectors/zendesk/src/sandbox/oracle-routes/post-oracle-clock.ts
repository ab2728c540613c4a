import type { OracleClockChange } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";
import { sendInvalidRequest } from "./send-invalid-request";

const clockChangeSchema = z
  .object({ advanceMs: z.int().nonnegative().optional(), set: z.iso.datetime({ offset: true }).optional() })
  .refine((change) => (change.advanceMs === undefined) !== (change.set === undefined), {
    message: "Give exactly one of advanceMs or set",
  }) satisfies z.ZodType<OracleClockChange>;

/**
 * `POST /__sandbox/clock` `{ advanceMs }` or `{ set }` → `{ now }`. Moving time finishes jobs,
 * scrubs permanently deleted users, expires 30-day-old deleted tickets, day-old job statuses,
 * hour-old export cursors and rate-limit windows.
 */
export function postOracleClock(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = clockChangeSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidRequest(res, parsed.error);
      return;
    }
    if (parsed.data.advanceMs !== undefined) state.clock.advance(parsed.data.advanceMs);
    if (parsed.data.set !== undefined) state.clock.set(new Date(parsed.data.set));
    state.store.tick(state.now());
    res.status(200).json({ now: state.clock.now().toISOString() });
  };
}
