import type { OracleStats } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/** `GET /__sandbox/stats` → `OracleStats` (see stats.ts for what counts as a deletion). */
export function getOracleStats(state: SandboxState): RequestHandler {
  return (_req, res) => {
    const stats: OracleStats = state.stats.snapshot();
    res.status(200).json(stats);
  };
}
