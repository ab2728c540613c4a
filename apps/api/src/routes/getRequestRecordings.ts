import { apiRoutes, type RecordingOutcomeList } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { loadRecordingOutcomes } from "../views/recording-outcomes";

/** `GET /api/v1/requests/:id/recordings`: per located recording, deleted, retained (and why) or redacted (where). */
export function getRequestRecordings(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRequestRecordings.params, request.params);
    const body: RecordingOutcomeList = { recordings: await loadRecordingOutcomes(context, id) };
    response.json(body);
  };
}
