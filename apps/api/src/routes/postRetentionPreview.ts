import { apiRoutes, type RetentionRunDetail } from "@lethe/contracts";
import { previewRetention } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { runtimeDependenciesOf } from "../views/runtime-dependencies";

/**
 * `POST /api/v1/retention/preview`: the dry run, answered when it is done — counts and samples of
 * what would be erased and what kept (and why). Nothing changes at the vendor. A vendor failure is
 * a preview with status `failed` and its error, not an error of this route.
 */
export function postRetentionPreview(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postRetentionPreview.body, request.body);
    const controller = new AbortController();
    request.once("close", () => controller.abort());
    const answer: RetentionRunDetail = await previewRetention(runtimeDependenciesOf(context), {
      scheduleId: body.scheduleId,
      actor: caller.actor,
      sampleSize: body.sampleSize,
      signal: controller.signal,
    });
    response.status(201).json(answer);
  };
}
