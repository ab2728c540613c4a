import { apiRoutes } from "@lethe/contracts";
import { deleteRetentionSchedule as deleteSchedule } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `DELETE /api/v1/retention/schedules/:id` (a schedule from the retention file: 409). */
export function deleteRetentionSchedule(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.deleteRetentionSchedule.params, request.params);
    await deleteSchedule({ database: context.db, registry: context.registry }, id, { actor: caller.actor });
    response.status(204).end();
  };
}
