import type { RequestHandler } from "express";
import { z } from "zod";
import { advanceJob, jobInfo, type BulkJob } from "../bulk-job";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { objectSpec } from "../world/object-catalogue";
import { salesforceDateTime } from "../world/sobject-store";
import { apiVersionOf } from "./api-version";
import { integrationUserId } from "./post-token";

/*
 * Bulk API 2.0 ingest jobs (S10–S12): create (Open) → PUT CSV batches → PATCH UploadComplete →
 * InProgress → JobComplete | Failed; Aborted by PATCH; results as CSV; DELETE once finished.
 */

export function postIngestJob(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const body = z.record(z.string(), z.unknown()).catch({}).parse(req.body);
    const object = objectSpec(typeof body.object === "string" ? body.object : "");
    if (!object) return sendSalesforceError(res, 400, "INVALIDENTITY", `Entity '${String(body.object)}' is not supported by the Bulk API.`);
    if (body.operation !== "hardDelete" && body.operation !== "delete") {
      return sendSalesforceError(res, 400, "INVALIDJOB", `InvalidJob : Invalid or unsupported operation: ${String(body.operation)}`);
    }
    if (body.contentType !== undefined && body.contentType !== "CSV") return sendSalesforceError(res, 400, "INVALIDJOB", "InvalidJob : contentType must be CSV");
    const now = salesforceDateTime(state.clock.now());
    const job: BulkJob = {
      id: `7505g${String(state.nextSerial()).padStart(10, "0")}AAA`,
      object: object.name,
      operation: body.operation,
      state: "Open",
      apiVersion: version,
      createdDate: now,
      systemModstamp: now,
      csv: [],
      successful: [],
      failed: [],
    };
    state.jobs.set(job.id, job);
    res.status(200).json(jobInfo(job, integrationUserId));
  };
}

export function putIngestBatches(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const job = state.jobs.get(req.params.jobId ?? "");
    if (!job) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    if (!/^text\/csv/i.test(req.get("content-type") ?? "")) return sendSalesforceError(res, 415, "UNSUPPORTEDCONTENTTYPE", "Unsupported content type; expected text/csv");
    if (job.state !== "Open") return sendSalesforceError(res, 409, "INVALIDJOBSTATE", `Job is not in the Open state: ${job.state}`);
    const text = typeof req.body === "string" ? req.body : "";
    const lines = text.split(/\r?\n/).filter((line) => line !== "");
    // Each upload carries its own header line; keep one.
    job.csv.push(...(job.csv.length === 0 ? lines : lines.slice(1)));
    res.status(201).end();
  };
}

export function patchIngestJob(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const job = state.jobs.get(req.params.jobId ?? "");
    if (!job) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    const wanted = z.object({ state: z.unknown() }).catch({ state: undefined }).parse(req.body).state;
    if (wanted === "UploadComplete" && job.state === "Open") {
      job.state = "UploadComplete";
      job.uploadedAt = state.clock.now().getTime();
    } else if (wanted === "Aborted" && ["Open", "UploadComplete", "InProgress"].includes(job.state)) {
      job.state = "Aborted";
    } else {
      return sendSalesforceError(res, 400, "INVALIDJOBSTATE", `Invalid state transition from ${job.state} to ${String(wanted)}`);
    }
    job.systemModstamp = salesforceDateTime(state.clock.now());
    res.status(200).json(jobInfo(job, integrationUserId));
  };
}

export function getIngestJob(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const job = state.jobs.get(req.params.jobId ?? "");
    if (!job) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    advanceJob(state, job);
    res.status(200).json(jobInfo(job, integrationUserId));
  };
}

export function getIngestResults(state: SandboxState, kind: "successfulResults" | "failedResults" | "unprocessedrecords"): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const job = state.jobs.get(req.params.jobId ?? "");
    if (!job) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    advanceJob(state, job);
    let csv: string;
    if (kind === "successfulResults") csv = `"sf__Id","sf__Created",Id\n${job.successful.map((id) => `"${id}","false","${id}"\n`).join("")}`;
    else if (kind === "failedResults") csv = `"sf__Id","sf__Error",Id\n${job.failed.map(({ id, error }) => `"","${error}","${id}"\n`).join("")}`;
    else csv = `Id\n${job.state === "Aborted" || job.state === "Failed" ? job.csv.slice(1).map((id) => `${id}\n`).join("") : ""}`;
    res.status(200).type("text/csv").send(csv);
  };
}

export function deleteIngestJob(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const job = state.jobs.get(req.params.jobId ?? "");
    if (!job) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    if (!["UploadComplete", "JobComplete", "Aborted", "Failed"].includes(job.state)) {
      return sendSalesforceError(res, 400, "INVALIDJOBSTATE", `Job can't be deleted in state ${job.state}`);
    }
    state.jobs.delete(job.id);
    res.status(204).end();
  };
}
