import { VendorContractError } from "@lethe/connector-sdk";
import { z } from "zod";
import type { SalesforceClient } from "../client/salesforce-client";

const jobInfo = z.looseObject({
  id: z.string(),
  state: z.enum(["Open", "UploadComplete", "InProgress", "JobComplete", "Failed", "Aborted"]),
  errorMessage: z.string().optional(),
});
const successRow = z.looseObject({ sf__Id: z.string() });

export type HardDeleteOutcome =
  | { state: "JobComplete"; jobId: string; purged: Set<string> }
  | { state: "Failed" | "Aborted"; jobId: string; reason: string }
  | { state: "InProgress"; jobId: string };

/**
 * Removes records for good, Recycle Bin included, with a Bulk API 2.0 `hardDelete` ingest job
 * (vendor-apis.md §1.3 S10; the only REST way past the bin): create, upload the ids as CSV, close
 * (`UploadComplete`), then look once. The connector never sleeps: a job still running comes
 * back as InProgress, for `confirm` to look at later.
 */
export async function startHardDelete(client: SalesforceClient, object: string, ids: string[]): Promise<HardDeleteOutcome> {
  const created = parse(await client.call("bulk.create", (c) => c.request({ method: "POST", url: "/jobs/ingest", body: JSON.stringify({ object, operation: "hardDelete", contentType: "CSV", lineEnding: "LF" }), headers: { "content-type": "application/json" } })), "bulk.create");
  await client.call("bulk.upload", (c) => c.request({ method: "PUT", url: `/jobs/ingest/${created.id}/batches`, body: `Id\n${ids.join("\n")}\n`, headers: { "content-type": "text/csv" } }));
  parse(await client.call("bulk.close", (c) => c.request({ method: "PATCH", url: `/jobs/ingest/${created.id}`, body: JSON.stringify({ state: "UploadComplete" }), headers: { "content-type": "application/json" } })), "bulk.close");
  return hardDeleteStatus(client, created.id);
}

/** One look at a job: its state, and once complete the ids it removed (successfulResults). */
export async function hardDeleteStatus(client: SalesforceClient, jobId: string): Promise<HardDeleteOutcome> {
  const job = parse(await client.call("bulk.status", (c) => c.request({ method: "GET", url: `/jobs/ingest/${jobId}` })), "bulk.status");
  if (job.state === "Failed" || job.state === "Aborted") return { state: job.state, jobId, reason: job.errorMessage ?? job.state };
  if (job.state !== "JobComplete") return { state: "InProgress", jobId };
  const results: unknown = await client.call("bulk.results", (c) => c.request({ method: "GET", url: `/jobs/ingest/${jobId}/successfulResults/` }));
  // jsforce parses a text/csv answer into row objects keyed by the header.
  const rows = z.array(successRow).safeParse(results);
  if (!rows.success) throw new VendorContractError("bulk.results answered rows of an undocumented shape", { route: "bulk.results", issues: rows.error.issues });
  return { state: "JobComplete", jobId, purged: new Set(rows.data.map((row) => row.sf__Id)) };
}

function parse(body: unknown, route: string): z.output<typeof jobInfo> {
  const parsed = jobInfo.safeParse(body);
  if (!parsed.success) throw new VendorContractError(`${route} answered a job of an undocumented shape`, { route, issues: parsed.error.issues });
  return parsed.data;
}
