import { ConfigurationError, type ErasePlan, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import { readRecording } from "../vendor/read-recording";
import { isRecorderRecordType, type RecordingRecord } from "../vendor/records";
import { maxRecordingsPerJob, pendingReceipt, retainedReceipt, submitDeletionJob } from "./deletion-job";
import { redactForSubject } from "./redact-mode";

/** A job still working on a recording: a repeated erase points at it instead of starting another. */
const activeJobStates = new Set(["PENDING", "PROCESSING"]);

/**
 * Hard deletion through the recorder's asynchronous deletion jobs (API.md, "Deletion jobs"). A
 * recording, its transcript and its consent events go together: any of the three refs puts the
 * recording in a job, and all three get the job's `pending` receipt, which `confirm` turns into
 * `erased` once the job is FULFILLED. A recording under legal hold is `retained` with the hold;
 * one already purged is `already-absent`; one already in a running job gets that job's id.
 *
 * Not checkpointed: every step is idempotent (the recorder remembers the job on the recording),
 * so an interrupted erase repeated from the start sends no second job.
 *
 * A `redact` plan keeps the calls and removes the subject's part of them instead (redact-mode.ts).
 */
export async function* eraseRecordings(ctx: RecorderContext, refs: RecordRef[], plan: ErasePlan): AsyncGenerator<ErasureReceipt> {
  if (plan.action === "redact") {
    yield* redactForSubject(ctx, refs, plan);
    return;
  }
  if (plan.action !== "erase") {
    throw new ConfigurationError(`The recorder connector deletes recordings and cannot ${plan.action} them; plan "erase" or "redact" for its records`);
  }
  const byRecording = new Map<string, RecordRef[]>();
  for (const ref of refs) {
    if (!isRecorderRecordType(ref.type)) throw new TypeError(`The recorder connector has no record type "${ref.type}"`);
    byRecording.set(ref.id, [...(byRecording.get(ref.id) ?? []), ref]);
  }

  const receipts = new Map<string, ErasureReceipt[]>();
  const toDelete = new Map<string, RecordingRecord>();
  for (const [id, idRefs] of byRecording) {
    ctx.signal.throwIfAborted();
    const recording = await readRecording(ctx, id);
    if (!recording) {
      receipts.set(id, idRefs.map((ref) => ({ ref, outcome: "already-absent", detail: "The recorder no longer holds this call" })));
    } else if (recording.legalHold) {
      receipts.set(id, idRefs.map((ref) => retainedReceipt(ref, recording)));
    } else if (recording.deletion && activeJobStates.has(recording.deletion.state)) {
      const jobId = recording.deletion.jobId;
      receipts.set(id, idRefs.map((ref) => pendingReceipt(ref, jobId, "Already in a running deletion job")));
    } else {
      toDelete.set(id, recording);
    }
  }

  const ids = [...toDelete.keys()];
  for (let start = 0; start < ids.length; start += maxRecordingsPerJob) {
    let batch = ids.slice(start, start + maxRecordingsPerJob);
    while (batch.length > 0) {
      ctx.signal.throwIfAborted();
      const submission = await submitDeletionJob(ctx, batch);
      if (submission.kind === "created") {
        const jobId = submission.job.id;
        for (const id of batch) {
          const detail = "Deletion job submitted for the recording, its media, transcript and consent events";
          receipts.set(id, (byRecording.get(id) ?? []).map((ref) => pendingReceipt(ref, jobId, detail)));
        }
        break;
      }
      // A hold placed since we read the metadata: keep those, submit the rest.
      const held = new Set(submission.recordingIds);
      for (const id of held) {
        const recording = (await readRecording(ctx, id)) ?? toDelete.get(id);
        if (recording) receipts.set(id, (byRecording.get(id) ?? []).map((ref) => retainedReceipt(ref, recording)));
      }
      const remaining = batch.filter((id) => !held.has(id));
      if (remaining.length === batch.length) break;
      batch = remaining;
    }
  }

  const held = [...receipts.values()].flat().filter((receipt) => receipt.outcome === "retained").length;
  if (held > 0) ctx.log.info("Some records are under legal hold and were retained", { records: held });
  for (const ref of refs) {
    const receipt = receipts.get(ref.id)?.find((candidate) => candidate.ref.type === ref.type);
    if (receipt) yield receipt;
  }
}
