import { apiRoutes, dashboardMetricsSchema, type DashboardMetrics } from "@lethe/contracts";
import { loadDashboardMetrics } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `GET /api/v1/dashboard/metrics`: counts only, so any caller who may read requests may see them. */
export function getDashboardMetrics(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getDashboardMetrics.query, request.query);
    const metrics = await loadDashboardMetrics(context.db.db, { now: new Date(), weeks: query.weeks });
    // The runtime's statuses are the engine's; the contract's enum is the same list, checked here.
    const body: DashboardMetrics = dashboardMetricsSchema.parse(metrics);
    response.json(body);
  };
}
