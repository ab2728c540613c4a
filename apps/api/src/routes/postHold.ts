import { apiRoutes, type Hold } from "@lethe/contracts";
import { createLegalHold, firstInvalidIdentifier } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toHold } from "../views/hold-view";
import { requireSecretBox } from "../views/require-secret-box";

/**
 * `POST /api/v1/holds`: places a hold. A person hold's identifiers are checked one by one first,
 * so that a 400 names the one at fault; they are stored only as keyed hashes and never echoed.
 */
export function postHold(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postHold.body, request.body);
    const { selector } = body;
    if (selector.scope === "person") {
      const invalid = firstInvalidIdentifier(selector.identifiers, context.defaultRegion);
      if (invalid) {
        throw new ApiError(400, "invalid_identifier", invalid.error.message, [
          { path: `body.selector.identifiers.${invalid.index}.value`, message: invalid.error.message },
        ]);
      }
    }
    if (body.expiresAt && new Date(body.expiresAt) <= new Date()) {
      throw new ApiError(400, "validation_failed", "invalid body: body.expiresAt", [
        { path: "body.expiresAt", message: "a hold cannot expire in the past" },
      ]);
    }
    const secretBox = requireSecretBox(context);
    const row = await createLegalHold(context.db, secretBox, {
      title: body.title,
      basis: body.basis,
      owner: body.owner,
      selector,
      redactNonEssential: body.redactNonEssential,
      reviewAt: body.reviewAt ? new Date(body.reviewAt) : undefined,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
      actor: caller.actor,
      defaultRegion: context.defaultRegion,
    });
    const answer: { hold: Hold } = { hold: toHold(row) };
    response.status(201).location(`/api/v1/holds/${row.id}`).json(answer);
  };
}
