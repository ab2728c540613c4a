import { VendorContractError, type RecordingAudio, type RecordRef } from "@lethe/connector-sdk";
import { audioContent } from "./export-records";
import type { RecorderContext } from "./settings";
import { readRecording } from "./vendor/read-recording";

/**
 * The SDK's `openRecordingAudio` (declared as `capabilities.recordingAudio` for `recording`): the
 * call's WAV as the recorder holds it now, redacted where it was, for the console's player. The
 * metadata gives the type and size; the media is requested only when `content` is read, so nothing
 * stays open if the caller walks away. Undefined for a call purged, or whose media is deleted.
 */
export async function openRecordingAudio(ctx: RecorderContext, ref: RecordRef): Promise<RecordingAudio | undefined> {
  if (ref.type !== "recording") return undefined;
  const recording = await readRecording(ctx, ref.id);
  if (!recording || recording.fileState === "DELETED") return undefined;
  if (recording.contentLength === null) {
    throw new VendorContractError("A recording whose media is available reports no contentLength", {
      route: "recordings.show",
      recordType: "recording",
      recordId: recording.id,
    });
  }
  return { contentType: recording.contentType, size: recording.contentLength, content: audioContent(ctx, recording.id) };
}
