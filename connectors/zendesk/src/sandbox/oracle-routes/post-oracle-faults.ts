import type { RequestHandler } from "express";
import { oracleFaultSchema } from "../faults";
import type { SandboxState } from "../sandbox-state";
import { sendInvalidRequest } from "./send-invalid-request";

/** `POST /__sandbox/faults` with an `OracleFault` → 201 `{ faults: OracleFault[] }` (all still armed). */
export function postOracleFaults(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = oracleFaultSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidRequest(res, parsed.error);
      return;
    }
    state.faults.add(parsed.data);
    res.status(201).json({ faults: state.faults.pending() });
  };
}
