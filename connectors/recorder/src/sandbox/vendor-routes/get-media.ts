import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { findRecording } from "./get-recording-parts";

/**
 * `GET /v1/recordings/{id}/media?format=wav` (API.md, "Media"): the WAV file with its length;
 * `Range: bytes=a-b` gives 206 with that slice. 410 once the media is deleted; only WAV is
 * offered (other formats answer 415).
 */
export function getMedia(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const recording = findRecording(state, req.params.id, res);
    if (!recording) return;
    const format = typeof req.query.format === "string" ? req.query.format : "wav";
    if (format !== "wav") {
      sendVendorError(res, 415, "unsupported.media.format", "This recorder serves format=wav only.");
      return;
    }
    const media = state.store.media(recording);
    if (!media) {
      sendVendorError(res, 410, "recording.media.deleted", "The media of this recording has been deleted.", [recording.id]);
      return;
    }
    res.set({ "Accept-Ranges": "bytes", "Content-Disposition": `attachment; filename="${recording.id}.wav"` });
    res.type("audio/wav");
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.get("range") ?? "");
    if (!range) {
      res.status(200).send(media);
      return;
    }
    const [, from = "", to = ""] = range;
    const start = from === "" ? Math.max(0, media.length - Number(to)) : Number(from);
    const end = from === "" || to === "" ? media.length - 1 : Math.min(Number(to), media.length - 1);
    if (start > end || start >= media.length) {
      res.set("Content-Range", `bytes */${media.length}`);
      sendVendorError(res, 416, "range.not.satisfiable", "The range is outside the file.");
      return;
    }
    res.set("Content-Range", `bytes ${start}-${end}/${media.length}`);
    res.status(206).send(media.subarray(start, end + 1));
  };
}
