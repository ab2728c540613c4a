import { apiRoutes, type RetentionSchedule } from "@lethe/contracts";
import { createRetentionSchedule, getRetentionScheduleView } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `POST /api/v1/retention/schedules`: created unapproved; it runs once a preview of it is approved. */
export function postRetentionSchedule(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postRetentionSchedule.body, request.body);
    const row = await createRetentionSchedule({ database: context.db, registry: context.registry }, body, { actor: caller.actor, source: "console" });
    const answer: { schedule: RetentionSchedule } = { schedule: await getRetentionScheduleView(context.db.db, row.id) };
    response.status(201).location(`/api/v1/retention/schedules/${row.id}`).json(answer);
  };
}
