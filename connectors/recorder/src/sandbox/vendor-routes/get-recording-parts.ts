import type { RequestHandler, Response } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordingRow } from "../world/world";
import { siprecDocument } from "../world/siprec-document";
import { consentJson, recordingJson, transcriptJson } from "./recording-json";

type Part = "metadata" | "transcript" | "consent" | "siprec";

/**
 * `GET /v1/recordings/{id}` and its `/transcript`, `/consent` and `/siprec`: 404 once the
 * recording is purged (the oracle's `leavePartsNext` fault excepted). The SIPREC document is served as `application/rs-metadata+xml` (RFC 7866).
 */
export function getRecordingPart(state: SandboxState, part: Part): RequestHandler<{ id: string }> {
  return (req, res) => {
    // A transcript or consent events a faulty deletion job left behind are still served by id.
    const leftover = part === "transcript" || part === "consent" ? state.store.leftParts.get(req.params.id) : undefined;
    const recording = leftover ?? findRecording(state, req.params.id, res);
    if (!recording) return;
    if (part === "metadata") res.status(200).json(recordingJson(state.store, recording));
    else if (part === "transcript") res.status(200).json(transcriptJson(recording));
    else if (part === "consent") res.status(200).json(consentJson(recording));
    else res.status(200).type("application/rs-metadata+xml").send(siprecDocument(recording));
  };
}

export function findRecording(state: SandboxState, id: string, res: Response): RecordingRow | undefined {
  const recording = state.store.recordings.get(id);
  if (!recording) sendVendorError(res, 404, "not.found", "The recording was not found.", [id]);
  return recording;
}
