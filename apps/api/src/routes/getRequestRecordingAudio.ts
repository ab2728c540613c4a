import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { apiRoutes } from "@lethe/contracts";
import { ConnectorError, getRequest, openRecordingAudio, type RecordingAudio } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { runtimeDependenciesOf } from "../views/runtime-dependencies";

/** The player waits no longer than this for the recorder to start sending. */
const vendorTimeoutMs = 30_000;

/**
 * `GET /api/v1/requests/:id/recording-audio?instanceId=…&recordingId=…`: the recording's audio as
 * the recorder holds it now — redacted where it was — streamed through the API so the browser never
 * holds vendor credentials. Only a recording this request's plan includes can be played — not one
 * waiting for review or excluded as another person's: anything else is 404 before the vendor is
 * asked, so the route cannot be used to fetch other people's calls. Needs `recordings:listen`;
 * every playback is audited (`recording.played`).
 */
export function getRequestRecordingAudio(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const route = apiRoutes.getRequestRecordingAudio;
    const { id } = parseInput("params", route.params, request.params);
    const { instanceId, recordingId } = parseInput("query", route.query, request.query);
    if (!(await getRequest(context.db.db, id))) throw new ApiError(404, "not_found", `no request with id ${id}`);
    const aborted = new AbortController();
    response.on("close", () => aborted.abort());
    let audio: RecordingAudio | undefined;
    try {
      audio = await openRecordingAudio(runtimeDependenciesOf(context), {
        requestId: id,
        instanceId,
        recordingId,
        actor: caller.actor,
        signal: AbortSignal.any([aborted.signal, AbortSignal.timeout(vendorTimeoutMs)]),
      });
    } catch (error) {
      if (error instanceof ConnectorError) throw new ApiError(502, "export_unavailable", "the recorder did not hand over the audio", undefined, { cause: error });
      throw error;
    }
    if (!audio) throw new ApiError(404, "not_found", "no playable recording with that id among the records this request's plan includes");
    const { content, close } = audio;
    response.set({ "Content-Type": audio.contentType, "Content-Length": String(audio.size), "Cache-Control": "no-store" });
    try {
      await pipeline(Readable.from({ [Symbol.asyncIterator]: () => content }), response);
    } finally {
      await close();
    }
  };
}
