import type { RequestHandler } from "express";
import type { SandboxOracle } from "./sandbox-oracle";

/**
 * `GET /__sandbox/faults` → 200 `{ faults, random }`: the faults still armed, and the random spec
 * in force (or null) with how many faults it has injected — what a test checks its run against.
 */
export function getOracleFaults(oracle: SandboxOracle): RequestHandler {
  return (_req, res) => {
    res.status(200).json({ faults: oracle.faults.pending(), random: oracle.faults.randomFaults() ?? null });
  };
}
