import type { RequestHandler } from "express";
import { oracleFaultSchema } from "../fault-plan";
import { sendInvalidOracleRequest } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

/** `POST /__sandbox/faults` with an `OracleFault` → 201 `{ faults: OracleFault[] }` (all still armed). */
export function postOracleFaults(oracle: SandboxOracle): RequestHandler {
  return (req, res) => {
    const parsed = oracleFaultSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    oracle.faults.add(parsed.data);
    res.status(201).json({ faults: oracle.faults.pending() });
  };
}
