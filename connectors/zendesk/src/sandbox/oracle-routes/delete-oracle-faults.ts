import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/** `DELETE /__sandbox/faults` → 204: disarms every fault. */
export function deleteOracleFaults(state: SandboxState): RequestHandler {
  return (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  };
}
