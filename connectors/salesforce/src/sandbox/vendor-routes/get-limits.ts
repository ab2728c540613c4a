import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { apiVersionOf } from "./api-version";

/** `GET /limits` (S13): the org's limits, `DailyApiRequests` among them. */
export function getLimits(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const used = state.allocation.used(state.clock.now());
    res.status(200).json({
      DailyApiRequests: { Max: state.allocation.max, Remaining: Math.max(0, state.allocation.max - used) },
      DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 - state.jobs.size },
      DataStorageMB: { Max: 5, Remaining: 5 },
    });
  };
}

/** `GET /services/data/`: the versions this org serves (not counted against the allocation). */
export function getVersions(versions: string[]): RequestHandler {
  return (_req, res) => {
    res.status(200).json(versions.map((version) => ({ label: `API ${version}`, url: `/services/data/v${version}`, version })));
  };
}
