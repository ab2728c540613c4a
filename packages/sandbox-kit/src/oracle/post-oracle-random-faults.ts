import type { RequestHandler } from "express";
import { oracleRandomFaultsSchema } from "../fault-plan";
import { sendInvalidOracleRequest } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

/**
 * `POST /__sandbox/faults/random` with an `OracleRandomFaults` → 201 `{ random }` (the spec now in
 * force, with `injected: 0`). `{ "rate": 0 }` with any kind turns random faults off again.
 */
export function postOracleRandomFaults(oracle: SandboxOracle): RequestHandler {
  return (req, res) => {
    const parsed = oracleRandomFaultsSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    oracle.faults.randomize(parsed.data);
    res.status(201).json({ random: oracle.faults.randomFaults() });
  };
}
