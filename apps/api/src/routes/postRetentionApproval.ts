import { apiRoutes, type RetentionSchedule } from "@lethe/contracts";
import { approveRetention } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `POST /api/v1/retention/approvals`: approves the terms the named preview showed (409 if they changed since). */
export function postRetentionApproval(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postRetentionApproval.body, request.body);
    const answer: { schedule: RetentionSchedule } = { schedule: await approveRetention(context.db, { ...body, actor: caller.actor }) };
    response.status(201).json(answer);
  };
}
