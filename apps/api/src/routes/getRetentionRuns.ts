import { apiRoutes, type RetentionRun } from "@lethe/contracts";
import { listRetentionRunViews } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `GET /api/v1/retention/runs[?scheduleId=]`: previews and sweeps, newest first. */
export function getRetentionRuns(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getRetentionRuns.query, request.query);
    const answer: { runs: RetentionRun[] } = { runs: await listRetentionRunViews(context.db.db, query.scheduleId) };
    response.json(answer);
  };
}
