import type { Router } from "express";
import { sendInvalidOracleRequest } from "@lethe/sandbox-kit";
import { z } from "zod";
import type { SandboxState } from "./sandbox-state";

const allocationSchema = z.object({ max: z.int().positive().optional(), spend: z.int().nonnegative().optional() });
const bulkSchema = z.object({ hardDeletePermission: z.boolean().optional(), processingMs: z.int().nonnegative().optional() });
const searchSchema = z.object({ indexLagMs: z.int().nonnegative() });

/**
 * Salesforce's knobs beside the kit's oracle routes (under `/__sandbox`):
 * `POST /api-allocation {max?, spend?}` (the daily allocation), `POST /bulk {hardDeletePermission?,
 * processingMs?}` (Bulk API hard delete) and `POST /search {indexLagMs}` (the SOSL index's lag).
 */
export function addSalesforceOracleRoutes(oracle: Router, state: SandboxState): Router {
  oracle.post("/api-allocation", (req, res) => {
    const parsed = allocationSchema.safeParse(req.body);
    if (!parsed.success) return sendInvalidOracleRequest(res, parsed.error);
    if (parsed.data.max !== undefined) state.allocation.max = parsed.data.max;
    if (parsed.data.spend !== undefined) state.allocation.spend(parsed.data.spend, state.clock.now());
    res.status(200).json({ max: state.allocation.max, used: state.allocation.used(state.clock.now()) });
  });
  oracle.post("/bulk", (req, res) => {
    const parsed = bulkSchema.safeParse(req.body);
    if (!parsed.success) return sendInvalidOracleRequest(res, parsed.error);
    if (parsed.data.hardDeletePermission !== undefined) state.hardDeletePermission = parsed.data.hardDeletePermission;
    if (parsed.data.processingMs !== undefined) state.bulkProcessingMs = parsed.data.processingMs;
    res.status(200).json({ hardDeletePermission: state.hardDeletePermission, processingMs: state.bulkProcessingMs });
  });
  oracle.post("/search", (req, res) => {
    const parsed = searchSchema.safeParse(req.body);
    if (!parsed.success) return sendInvalidOracleRequest(res, parsed.error);
    state.searchIndexLagMs = parsed.data.indexLagMs;
    res.status(200).json({ indexLagMs: state.searchIndexLagMs });
  });
  return oracle;
}
