import { VendorContractError, type ExportItem, type RecordRef } from "@lethe/connector-sdk";
import { consentParts, recordingParts, transcriptParts } from "./export-parts";
import type { RecorderContext } from "./settings";
import { readRecording } from "./vendor/read-recording";
import { readRecord } from "./vendor/read-vendor-json";
import { consentRecord, isRecorderRecordType, transcriptRecord, type RecordingRecord } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/**
 * Each record as the recorder holds it. A recording hands over its metadata, its audio (streamed
 * WAV, one channel per party) unless the media is already deleted, and its SIPREC metadata
 * document (RFC 7865) as the recorder received it; a transcript and consent events are records.
 */
export async function* exportRecords(ctx: RecorderContext, refs: RecordRef[]): AsyncGenerator<ExportItem> {
  let gone = 0;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isRecorderRecordType(ref.type)) throw new TypeError(`The recorder connector has no record type "${ref.type}"`);
    if (ref.type === "recording") {
      const recording = await readRecording(ctx, ref.id);
      if (!recording) {
        gone++;
        continue;
      }
      yield { kind: "record", ref, data: recording, parts: recordingParts(recording) };
      if (recording.fileState !== "DELETED") yield audioFile(ctx, ref, recording);
      const siprec = await siprecDocument(ctx, ref.id);
      if (siprec) yield siprec;
      continue;
    }
    const route = `recordings.${ref.type}`;
    const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(ref.id)}/${ref.type}`, route });
    if (response.status === 404) {
      gone++;
      continue;
    }
    expectStatus(response, [200], route);
    // Who is a third party on the call is on the recording (the same id).
    const recording = await readRecording(ctx, ref.id);
    if (ref.type === "transcript") {
      const transcript = await readRecord(response, transcriptRecord, { route, recordType: ref.type });
      yield { kind: "record", ref, data: transcript, parts: transcriptParts(transcript, recording) };
    } else {
      const consent = await readRecord(response, consentRecord, { route, recordType: ref.type });
      yield { kind: "record", ref, data: consent, parts: consentParts(consent, recording) };
    }
  }
  if (gone > 0) ctx.log.info("Some located records were deleted before export", { gone });
}

function audioFile(ctx: RecorderContext, ref: RecordRef, recording: RecordingRecord): ExportItem {
  if (recording.contentLength === null) {
    throw new VendorContractError("A recording whose media is available reports no contentLength", {
      route: "recordings.show",
      recordType: "recording",
      recordId: recording.id,
    });
  }
  return {
    kind: "binary",
    ref,
    name: `${safeName(recording.id)}.wav`,
    contentType: recording.contentType,
    size: recording.contentLength,
    content: () => audioContent(ctx, recording.id),
  };
}

/* Requested only when the runtime reads the file, so no response sits open between items. */
export async function* audioContent(ctx: RecorderContext, id: string): AsyncGenerator<Uint8Array> {
  const route = "recordings.media";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}/media`, query: { format: "wav" }, route });
  if (response.status === 404 || response.status === 410) {
    throw new VendorContractError("A recording's media is missing although its metadata says it is available", {
      route,
      recordType: "recording",
      recordId: id,
    });
  }
  expectStatus(response, [200], route);
  yield* response.stream();
}

/* The document is small (a few kB); it is read whole so that its size is known before it is handed over. */
async function siprecDocument(ctx: RecorderContext, id: string): Promise<ExportItem | undefined> {
  const route = "recordings.siprec";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}/siprec`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  const bytes = new TextEncoder().encode(await response.text());
  return {
    kind: "binary",
    ref: { type: "recording", id },
    name: `${safeName(id)}-siprec.xml`,
    contentType: "application/rs-metadata+xml",
    size: bytes.byteLength,
    content: async function* () {
      yield bytes;
    },
  };
}

function safeName(id: string): string {
  return id.replace(/[^\w.-]/g, "_");
}
