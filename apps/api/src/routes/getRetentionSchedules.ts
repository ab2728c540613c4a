import type { z } from "zod";
import type { retentionScheduleListSchema } from "@lethe/contracts";
import { listRetentionScheduleViews } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";

/** `GET /api/v1/retention/schedules` */
export function getRetentionSchedules(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: z.infer<typeof retentionScheduleListSchema> = { schedules: await listRetentionScheduleViews(context.db.db) };
    response.json(body);
  };
}
