import { apiRoutes, type RetentionSchedule } from "@lethe/contracts";
import { getRetentionScheduleView, updateRetentionSchedule } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `PATCH /api/v1/retention/schedules/:id`: replaces the definition; changed terms need a new approval. */
export function patchRetentionSchedule(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.patchRetentionSchedule.params, request.params);
    const body = parseInput("body", apiRoutes.patchRetentionSchedule.body, request.body);
    await updateRetentionSchedule({ database: context.db, registry: context.registry }, id, body, { actor: caller.actor });
    const answer: { schedule: RetentionSchedule } = { schedule: await getRetentionScheduleView(context.db.db, id) };
    response.json(answer);
  };
}
