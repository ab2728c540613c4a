import type { RecorderContext } from "../settings";
import { readRecord } from "./read-vendor-json";
import { recordingRecord, type RecordingRecord } from "./records";
import { callVendor, expectStatus, pathId } from "./vendor-request";

/** `GET /v1/recordings/{id}` (API.md): the metadata, or undefined once the recording is purged (404). */
export async function readRecording(ctx: RecorderContext, id: string): Promise<RecordingRecord | undefined> {
  const route = "recordings.show";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readRecord(response, recordingRecord, { route, recordType: "recording" });
}
