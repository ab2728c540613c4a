import type { ExportItem, RecordRef } from "@lethe/connector-sdk";
import { mediaSids } from "../locate/record-refs";
import type { TwilioContext } from "../settings";
import type { RecordingRecord } from "../vendor/records";
import { readTwilioRecord } from "./read-twilio-record";
import { mediaContent, mediaHead, messageMediaFile, recordingAudioFile, type MediaFile } from "./media-files";

/** File extensions for the media types Twilio serves; anything else is saved as `.bin`. */
const extensions: Record<string, string> = {
  "audio/x-wav": "wav",
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "application/pdf": "pdf",
  "text/vcard": "vcf",
};

/**
 * Each record as Twilio holds it now: its JSON exactly as the API returns it, and for a recording
 * its audio (WAV) and for a media record the file the message carried, streamed. A record
 * deleted since it was located is left out (and counted in the log).
 */
export async function* exportRecords(ctx: TwilioContext, refs: RecordRef[]): AsyncGenerator<ExportItem> {
  let gone = 0;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    const record = await readTwilioRecord(ctx, ref);
    if (!record) {
      gone++;
      continue;
    }
    yield { kind: "record", ref, data: record };
    const file = binaryOf(ref, record);
    if (!file) continue;
    const head = await mediaHead(ctx, file);
    if (!head) continue;
    yield {
      kind: "binary",
      ref,
      name: `${safeName(ref.id)}.${extensions[head.contentType] ?? "bin"}`,
      contentType: head.contentType,
      size: head.size,
      content: () => mediaContent(ctx, file),
    };
  }
  if (gone > 0) ctx.log.info("Some located records were deleted before export", { gone });
}

function binaryOf(ref: RecordRef, record: Record<string, unknown>): MediaFile | undefined {
  if (ref.type === "recording") {
    // A recording whose audio is not (yet, or any more) there has no file to hand over.
    return (record as RecordingRecord).status === "completed" ? recordingAudioFile(ref.id) : undefined;
  }
  if (ref.type === "media") {
    const sids = mediaSids(ref.id);
    return sids ? messageMediaFile(sids.messageSid, sids.mediaSid) : undefined;
  }
  return undefined;
}

function safeName(id: string): string {
  return id.replace(/[^\w.-]/g, "_");
}
