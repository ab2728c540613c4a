import type { RequestHandler } from "express";
import { z } from "zod";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { findRecording } from "./get-recording-parts";
import { recordingJson } from "./recording-json";

const retentionBody = z.object({
  archiveDate: z.iso.datetime({ offset: true }).nullable().optional(),
  deleteDate: z.iso.datetime({ offset: true }).nullable().optional(),
});

/**
 * `PUT /v1/recordings/{id}/retention {archiveDate?, deleteDate?}` → the recording. The dates are
 * recorded; the sandbox runs no retention policy (FIDELITY.md). A held recording's deleteDate
 * cannot be set (409), as deletion protection forbids scheduling its deletion.
 */
export function putRetention(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const recording = findRecording(state, req.params.id, res);
    if (!recording) return;
    const parsed = retentionBody.safeParse(req.body);
    if (!parsed.success) {
      sendVendorError(res, 400, "bad.request", "archiveDate and deleteDate must be ISO 8601 date-times or null.");
      return;
    }
    if (parsed.data.deleteDate && recording.legalHold) {
      sendVendorError(res, 409, "recording.deletion.protected", "The recording is under deletion protection.", [recording.id]);
      return;
    }
    if (parsed.data.archiveDate !== undefined) recording.retention.archiveDate = parsed.data.archiveDate;
    if (parsed.data.deleteDate !== undefined) recording.retention.deleteDate = parsed.data.deleteDate;
    res.status(200).json(recordingJson(state.store, recording));
  };
}
