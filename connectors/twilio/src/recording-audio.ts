import type { RecordingAudio, RecordRef } from "@lethe/connector-sdk";
import { mediaContent, mediaHead, recordingAudioFile } from "./export/media-files";
import { readTwilioRecord } from "./export/read-twilio-record";
import type { TwilioContext } from "./settings";

/**
 * The SDK's `openRecordingAudio` (`capabilities.recordingAudio` for `recording`): the recording's
 * WAV as Twilio serves it now, for the console's player. The audio is requested only when
 * `content` is read. Undefined for a recording Twilio no longer holds or whose audio is gone.
 */
export async function openRecordingAudio(ctx: TwilioContext, ref: RecordRef): Promise<RecordingAudio | undefined> {
  if (ref.type !== "recording" || !/^RE[0-9a-fA-F]{32}$/.test(ref.id)) return undefined;
  const recording = await readTwilioRecord(ctx, ref);
  if (recording?.status !== "completed") return undefined;
  const file = recordingAudioFile(ref.id);
  const head = await mediaHead(ctx, file);
  return head ? { ...head, content: mediaContent(ctx, file) } : undefined;
}
