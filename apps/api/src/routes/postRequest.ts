import { apiRoutes, type CreatedRequest } from "@lethe/contracts";
import { fileRequest, firstInvalidIdentifier, getRequest, identifierHashKey } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toRequestSummary } from "../views/request-view";

/** `POST /api/v1/requests`: files a request; the worker takes it from there. */
export function postRequest(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postRequest.body, request.body);
    const defaultRegion = body.defaultRegion ?? context.defaultRegion;
    // Checked one by one first so that the error names the identifier at fault.
    const invalid = firstInvalidIdentifier(body.identifiers, defaultRegion);
    if (invalid) {
      throw new ApiError(400, "invalid_identifier", invalid.error.message, [
        { path: `body.identifiers.${invalid.index}.value`, message: invalid.error.message },
      ]);
    }
    const { id } = await fileRequest(context.db, {
      type: body.type,
      regime: body.regime,
      identifiers: body.identifiers,
      // Rectification changes / restriction lift; the runtime normalises and stores them.
      parameters: { ...(body.changes ? { changes: body.changes } : {}), ...(body.lift !== undefined ? { lift: body.lift } : {}) },
      timeZone: context.timeZone,
      defaultRegion,
      actor: caller.actor,
      ...(context.verifyRequestTypes ? { verifyRequestTypes: context.verifyRequestTypes } : {}),
      ...(body.receivedAt ? { receivedAt: new Date(body.receivedAt) } : {}),
      ...(context.secretBox?.deriveKey ? { identifierHashKey: identifierHashKey({ secretBox: context.secretBox }) } : {}),
    });
    const row = await getRequest(context.db.db, id);
    if (!row) throw new Error(`request ${id} vanished after filing`);
    const answer: CreatedRequest = { request: toRequestSummary(row, [], new Date()) };
    response.status(201).location(`/api/v1/requests/${id}`).json(answer);
  };
}
