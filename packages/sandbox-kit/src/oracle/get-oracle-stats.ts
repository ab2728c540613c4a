import type { OracleStats } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxOracle } from "./sandbox-oracle";

/** `GET /__sandbox/stats` → `OracleStats` (see SandboxStats for what counts as a deletion). */
export function getOracleStats(oracle: SandboxOracle): RequestHandler {
  return (_req, res) => {
    const stats: OracleStats = oracle.stats.snapshot();
    res.status(200).json(stats);
  };
}
