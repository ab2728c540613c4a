import type { RecorderContext } from "../settings";
import { readRecord } from "./read-vendor-json";
import { transcriptRecord, type TranscriptRecord } from "./records";
import { callVendor, expectStatus, pathId } from "./vendor-request";

/** `GET /v1/recordings/{id}/transcript` (API.md): the transcript, or undefined once the call is purged (404). */
export async function readTranscript(ctx: RecorderContext, id: string): Promise<TranscriptRecord | undefined> {
  const route = "recordings.transcript";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}/transcript`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readRecord(response, transcriptRecord, { route, recordType: "transcript" });
}
