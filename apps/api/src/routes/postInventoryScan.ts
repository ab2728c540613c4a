import { apiRoutes, type InventoryScan } from "@lethe/contracts";
import { readInventoryScan, startInventoryScan } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/**
 * `POST /api/v1/inventory/scans`: queues a discovery scan of every enabled instance (202); poll
 * `GET /inventory/scans/latest` for its progress.
 */
export function postInventoryScan(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    parseInput("body", apiRoutes.postInventoryScan.body, request.body ?? {});
    const { scanId } = await startInventoryScan(context.db, { actor: caller.actor });
    const scan: InventoryScan | null = await readInventoryScan(context.db, scanId);
    if (!scan) throw new ApiError(500, "internal_error", "the scan just started cannot be read back");
    response.status(202).json(scan);
  };
}
