import type { RequestHandler } from "express";
import { z } from "zod";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { DeletionJob } from "../world/deletion-jobs";

const jobBody = z.object({ action: z.literal("DELETE"), recordingIds: z.array(z.string().min(1)).min(1).max(100) });

function jobJson(job: DeletionJob) {
  return {
    id: job.id,
    action: job.action,
    state: job.state,
    recordingIds: job.recordingIds,
    totalRecordings: job.recordingIds.length,
    processedRecordings: job.processed,
    skippedRecordings: job.skipped,
    failedRecordings: job.failed,
    errorMessage: job.state === "FAILED" ? "The storage backend did not confirm the deletion." : null,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    selfUri: `/v1/jobs/${job.id}`,
  };
}

/**
 * `POST /v1/jobs {action: "DELETE", recordingIds ≤100}` → 202 with a PENDING job. Refused with
 * 409 `recording.deletion.protected` (the held ids in `details`) when any recording is under
 * legal hold, and 404 when any is unknown: the job is all or nothing.
 */
export function postJob(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = jobBody.safeParse(req.body);
    if (!parsed.success) {
      sendVendorError(res, 400, "bad.request", "Send { action: \"DELETE\", recordingIds: [1..100 ids] }.");
      return;
    }
    const ids = [...new Set(parsed.data.recordingIds)];
    const missing = ids.filter((id) => !state.store.recordings.has(id));
    if (missing.length > 0) {
      sendVendorError(res, 404, "not.found", "Some recordings were not found.", missing);
      return;
    }
    const held = ids.filter((id) => state.store.recordings.get(id)?.legalHold);
    if (held.length > 0) {
      sendVendorError(res, 409, "recording.deletion.protected", "Recordings under deletion protection cannot be deleted.", held);
      return;
    }
    res.status(202).json(jobJson(state.store.jobs.create(ids, state.clock.now())));
  };
}

/** `GET /v1/jobs/{id}`: the job's state and counts. */
export function getJob(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const job = state.store.jobs.get(req.params.id);
    if (!job) {
      sendVendorError(res, 404, "not.found", "The job was not found.", [req.params.id]);
      return;
    }
    res.status(200).json(jobJson(job));
  };
}
