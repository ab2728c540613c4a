import { apiRoutes, type Hold } from "@lethe/contracts";
import { endHold, LegalHoldEndedError, LegalHoldNotFoundError } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toHold } from "../views/hold-view";

/**
 * `POST /api/v1/holds/:id/end`: ends the hold and asks the worker for a release run now; the
 * records it kept are erased without a new request. 404 unknown id, 409 already ended.
 */
export function postHoldEnd(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postHoldEnd.params, request.params);
    const body = parseInput("body", apiRoutes.postHoldEnd.body, request.body);
    try {
      const row = await endHold(context.db, { holdId: id, reason: body.reason, actor: caller.actor });
      const answer: { hold: Hold } = { hold: toHold(row) };
      response.json(answer);
    } catch (error) {
      if (error instanceof LegalHoldNotFoundError) throw new ApiError(404, "not_found", error.message);
      if (error instanceof LegalHoldEndedError) throw new ApiError(409, "conflict", error.message);
      throw error;
    }
  };
}
