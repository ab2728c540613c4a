import type { RequestHandler } from "express";
import type { SandboxOracle } from "./sandbox-oracle";

/** `DELETE /__sandbox/faults` → 204: disarms every fault. */
export function deleteOracleFaults(oracle: SandboxOracle): RequestHandler {
  return (_req, res) => {
    oracle.faults.clear();
    res.status(204).end();
  };
}
