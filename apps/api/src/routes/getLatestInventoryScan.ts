import type { InventoryScan } from "@lethe/contracts";
import { readLatestInventoryScan } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";

/** `GET /api/v1/inventory/scans/latest`: 404 before the first scan. */
export function getLatestInventoryScan(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const scan: InventoryScan | null = await readLatestInventoryScan(context.db);
    if (!scan) throw new ApiError(404, "not_found", "no discovery scan has been run yet");
    response.json(scan);
  };
}
