import type { ErasureReceipt } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import { readRecording } from "../vendor/read-recording";
import type { RecordingRecord } from "../vendor/records";
import { pendingReceipt, readDeletionJob, retainedReceipt, submitDeletionJob } from "./deletion-job";

/**
 * Turns `pending` receipts into final ones by reading their deletion jobs (API.md, "Deletion
 * jobs"): FULFILLED → `erased` without reading the call again (verification reads it back by id),
 * or `retained` for a recording the job skipped because a hold was placed meanwhile; PENDING/PROCESSING → still `pending`; FAILED or CANCELLED → the recording is
 * submitted again and the receipt is `pending` on the new job, so a failed job never passes for
 * a deletion.
 */
export async function* confirmDeletions(ctx: RecorderContext, pending: ErasureReceipt[]): AsyncGenerator<ErasureReceipt> {
  const byJob = new Map<string, ErasureReceipt[]>();
  for (const receipt of pending) {
    const jobId = receipt.pending?.jobId;
    if (receipt.outcome !== "pending" || !jobId) {
      yield receipt;
      continue;
    }
    byJob.set(jobId, [...(byJob.get(jobId) ?? []), receipt]);
  }

  // A call's recording, transcript and consent events have one receipt each and one recording:
  // it is read once per confirmation, not once per receipt.
  const recordings = new Map<string, Promise<RecordingRecord | undefined>>();
  const recordingOf = (id: string) => {
    let read = recordings.get(id);
    if (!read) recordings.set(id, (read = readRecording(ctx, id)));
    return read;
  };
  for (const [jobId, receipts] of byJob) {
    ctx.signal.throwIfAborted();
    const job = await readDeletionJob(ctx, jobId);
    if (job && (job.state === "PENDING" || job.state === "PROCESSING")) {
      yield* receipts;
      continue;
    }
    const skipped = new Set(job?.skippedRecordings.map((s) => s.recordingId) ?? []);
    const failed = new Set(job?.failedRecordings.map((s) => s.recordingId) ?? []);
    const jobFailed = !job || job.state === "FAILED" || job.state === "CANCELLED";
    const resubmit = new Set<string>();
    for (const receipt of receipts) {
      const id = receipt.ref.id;
      if (job?.state === "FULFILLED" && !skipped.has(id) && !failed.has(id)) {
        // The job reports the call purged; verification reads every part back by id, which is
        // where a job that claims more than it did is caught — reading it here as well would
        // cost a call per recording for the same answer.
        yield { ref: receipt.ref, outcome: "erased", detail: `Deletion job ${jobId} fulfilled` };
        continue;
      }
      const recording = await recordingOf(id);
      if (!recording) {
        yield { ref: receipt.ref, outcome: "erased", detail: `Deletion job ${jobId} fulfilled; the recorder no longer holds the call` };
      } else if (recording.legalHold || skipped.has(id)) {
        yield retainedReceipt(receipt.ref, recording);
      } else if (jobFailed || failed.has(id) || job.state === "FULFILLED") {
        // Still there after the job ended: it failed for this recording, whatever the job says.
        resubmit.add(id);
      }
    }
    if (resubmit.size === 0) continue;
    const submission = await submitDeletionJob(ctx, [...resubmit]);
    for (const receipt of receipts.filter((r) => resubmit.has(r.ref.id))) {
      if (submission.kind === "created") {
        yield pendingReceipt(receipt.ref, submission.job.id, `Deletion job ${jobId} did not delete the call; submitted again`);
      } else {
        const recording = await readRecording(ctx, receipt.ref.id);
        yield recording ? retainedReceipt(receipt.ref, recording) : { ref: receipt.ref, outcome: "erased", detail: "Gone from the recorder" };
      }
    }
  }
}
