import { apiRoutes, type CreatedApiToken } from "@lethe/contracts";
import { createApiToken } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import { newApiToken, tokenHash } from "../auth/secret-tokens";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toApiToken } from "../views/user-view";

/** `POST /api/v1/tokens`: the value is in this answer only; the database keeps its SHA-256. */
export function postApiToken(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postApiToken.body, request.body);
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new ApiError(400, "validation_failed", "invalid body: body.expiresAt", [
        { path: "body.expiresAt", message: "must be in the future" },
      ]);
    }
    const { token, prefix } = newApiToken();
    const row = await createApiToken(context.db, {
      name: body.name,
      role: body.role,
      tokenHash: tokenHash(token),
      prefix,
      expiresAt,
      actor: caller.actor,
    });
    const answer: CreatedApiToken = { apiToken: toApiToken(row), token };
    response.status(201).json(answer);
  };
}
