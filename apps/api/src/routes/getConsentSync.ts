import { apiRoutes } from "@lethe/contracts";
import { getConsentSync as readConsentSync } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentSync } from "../views/consent-view";

/** `GET /api/v1/consent-syncs/:id` */
export function getConsentSync(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getConsentSync.params, request.params);
    const sync = await readConsentSync(context.db, id);
    if (!sync) throw new ApiError(404, "not_found", `no consent-ledger read with id ${id}`);
    response.json(toConsentSync(sync));
  };
}
