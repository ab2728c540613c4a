import { apiRoutes, type RetentionRun } from "@lethe/contracts";
import { startRetentionSweep } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `POST /api/v1/retention/runs`: sweeps an approved schedule now (409 when its terms are not approved). */
export function postRetentionRun(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postRetentionRun.body, request.body);
    const answer: RetentionRun = await startRetentionSweep({ database: context.db, registry: context.registry }, { scheduleId: body.scheduleId, actor: caller.actor });
    response.status(201).location(`/api/v1/retention/runs/${answer.id}`).json(answer);
  };
}
