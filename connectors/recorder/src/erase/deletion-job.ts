import { VendorContractError, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import { readRecord } from "../vendor/read-vendor-json";
import { errorBody, jobRecord, type JobRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";

/** The API's limit on recordings per job (API.md, "Deletion jobs"). */
export const maxRecordingsPerJob = 100;

export type JobSubmission = { kind: "created"; job: JobRecord } | { kind: "protected"; recordingIds: string[] };

/**
 * `POST /v1/jobs {action: "DELETE", recordingIds}` → 202 with a PENDING job. The recorder refuses
 * a job that names a recording under legal hold (409 `recording.deletion.protected`, each held
 * id in `details`), so a hold placed after we read the metadata still wins.
 */
export async function submitDeletionJob(ctx: RecorderContext, recordingIds: string[]): Promise<JobSubmission> {
  const route = "jobs.create";
  const response = await callVendor(ctx, { method: "POST", path: "/v1/jobs", body: { action: "DELETE", recordingIds }, route });
  if (response.status === 409) {
    const body = readRecord(response, errorBody, { route, recordType: "error" });
    const error = await body;
    if (error.code !== "recording.deletion.protected") {
      throw new VendorContractError(`${route} answered 409 with code ${error.code}`, { route });
    }
    const held = (error.details ?? []).flatMap((detail) => (detail.entityId ? [detail.entityId] : []));
    if (held.length === 0) throw new VendorContractError(`${route} refused a job as protected without naming a recording`, { route });
    return { kind: "protected", recordingIds: held };
  }
  expectStatus(response, [202], route);
  return { kind: "created", job: await readRecord(response, jobRecord, { route, recordType: "job" }) };
}

/** `GET /v1/jobs/{id}`; undefined when the recorder no longer knows the job (404). */
export async function readDeletionJob(ctx: RecorderContext, jobId: string): Promise<JobRecord | undefined> {
  const route = "jobs.show";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/jobs/${pathId(jobId)}`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readRecord(response, jobRecord, { route, recordType: "job" });
}

export function retainedReceipt(ref: RecordRef, recording: RecordingRecord): ErasureReceipt {
  const hold = recording.legalHold;
  const named = hold ? { id: hold.holdId, basis: hold.basis.trim() || "deletion protection" } : { basis: "deletion protection" };
  return {
    ref,
    outcome: "retained",
    // The vendor's basis in the receipt's words too: the officer and the reply to the person name it.
    detail: `The recorder refuses to delete a recording under legal hold (deletion protection); it was kept — basis: ${named.basis}${"id" in named ? ` (hold ${named.id})` : ""}`,
    hold: named,
  };
}

export function pendingReceipt(ref: RecordRef, jobId: string, detail: string): ErasureReceipt {
  return { ref, outcome: "pending", pending: { jobId }, detail };
}
