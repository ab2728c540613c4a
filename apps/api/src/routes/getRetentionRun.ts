import { apiRoutes, type RetentionRunDetail } from "@lethe/contracts";
import { retentionRunDetail } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `GET /api/v1/retention/runs/:id`: every record the run found, its decision and receipt. */
export function getRetentionRun(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRetentionRun.params, request.params);
    const answer: RetentionRunDetail = await retentionRunDetail(context.db.db, id);
    response.json(answer);
  };
}
