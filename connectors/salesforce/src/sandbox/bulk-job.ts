import type { SandboxState } from "./sandbox-state";
import { objectByKeyPrefix } from "./world/object-catalogue";
import { salesforceDateTime } from "./world/sobject-store";

export type BulkJobState = "Open" | "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";

export interface BulkJob {
  id: string;
  object: string;
  operation: "delete" | "hardDelete";
  state: BulkJobState;
  apiVersion: string;
  createdDate: string;
  systemModstamp: string;
  csv: string[];
  uploadedAt?: number;
  errorMessage?: string;
  successful: string[];
  failed: { id: string; error: string }[];
}

/** The job's JSON as `GET /jobs/ingest/{id}` gives it (vendor-apis.md §1.3 S10). */
export function jobInfo(job: BulkJob, createdById: string): Record<string, unknown> {
  const done = job.state === "JobComplete" || job.state === "Failed";
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    concurrencyMode: "Parallel",
    contentType: "CSV",
    apiVersion: Number(job.apiVersion),
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: "LF",
    columnDelimiter: "COMMA",
    jobType: "V2Ingest",
    numberRecordsProcessed: done ? job.successful.length + job.failed.length : 0,
    numberRecordsFailed: done ? job.failed.length : 0,
    retries: 0,
    totalProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}

/**
 * Moves an uploaded job along once its processing time has passed on the sandbox clock:
 * UploadComplete → InProgress → JobComplete (or Failed without the hard-delete permission).
 * `hardDelete` removes each row at once from wherever it is; `delete` moves it to the bin.
 */
export function advanceJob(state: SandboxState, job: BulkJob): void {
  if (job.state !== "UploadComplete" && job.state !== "InProgress") return;
  const now = state.clock.now();
  job.state = "InProgress";
  if (job.uploadedAt !== undefined && now.getTime() < job.uploadedAt + state.bulkProcessingMs) return;
  job.systemModstamp = salesforceDateTime(now);
  if (job.operation === "hardDelete" && !state.hardDeletePermission) {
    job.state = "Failed";
    job.errorMessage = "InvalidBatch : hardDelete operation requires special user profile permission, please contact your system administrator";
    return;
  }
  const [header, ...ids] = job.csv;
  if (header?.trim().toLowerCase() !== "id") {
    job.state = "Failed";
    job.errorMessage = "InvalidBatch : Field name not found : " + (header ?? "");
    return;
  }
  for (const raw of ids) {
    const id = raw.trim().replace(/^"|"$/g, "");
    if (id === "") continue;
    const row = state.store.get(id);
    if (!row || row.object !== job.object || objectByKeyPrefix(row.id)?.name !== job.object) {
      job.failed.push({ id, error: "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--" });
      continue;
    }
    if (job.operation === "hardDelete") {
      for (const removed of state.store.hardDelete(row.id)) state.stats.purged(removed.object, removed.id);
      job.successful.push(row.id);
    } else {
      const outcome = state.store.softDelete(row.id, now);
      if (outcome.ok) job.successful.push(row.id);
      else job.failed.push({ id: row.id, error: `${outcome.statusCode}:${outcome.message}:--` });
    }
  }
  job.state = "JobComplete";
}
