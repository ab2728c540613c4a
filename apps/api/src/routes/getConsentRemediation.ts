import { apiRoutes } from "@lethe/contracts";
import { readConsentRemediation } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentRemediation } from "../views/consent-view";

/** `GET /api/v1/consent/remediations/:id` */
export function getConsentRemediation(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getConsentRemediation.params, request.params);
    const remediation = await readConsentRemediation(context.db, id);
    if (!remediation) throw new ApiError(404, "not_found", `no consent remediation with id ${id}`);
    response.json(toConsentRemediation(remediation));
  };
}
