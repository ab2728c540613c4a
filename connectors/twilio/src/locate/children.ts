import type { TwilioContext } from "../settings";
import { listAll } from "../vendor/list-all";
import { mediaRecord, recordingRecord, transcriptionRecord, type MediaRecord, type RecordingRecord, type TranscriptionRecord } from "../vendor/records";
import { pathSid } from "../vendor/twilio-request";

/*
 * The records under a call or a message, each a store of its own at Twilio: deleting a call log
 * leaves its recordings, deleting a recording leaves its transcriptions. Listed by their parent,
 * never account-wide, so only the subject's are read.
 */

/** `GET /Calls/{CallSid}/Recordings.json`: the call's recordings (Twilio hides deleted ones). */
export function callRecordings(ctx: TwilioContext, callSid: string): Promise<RecordingRecord[]> {
  return listAll(ctx, { path: `/Calls/${pathSid(callSid)}/Recordings.json`, key: "recordings", schema: recordingRecord, recordType: "recording", route: "calls.recordings.list" });
}

/** `GET /Recordings/{RecordingSid}/Transcriptions.json`. */
export function recordingTranscriptions(ctx: TwilioContext, recordingSid: string): Promise<TranscriptionRecord[]> {
  return listAll(ctx, {
    path: `/Recordings/${pathSid(recordingSid)}/Transcriptions.json`,
    key: "transcriptions",
    schema: transcriptionRecord,
    recordType: "transcription",
    route: "recordings.transcriptions.list",
  });
}

/** `GET /Messages/{MessageSid}/Media.json`: the files an MMS carried. */
export function messageMedia(ctx: TwilioContext, messageSid: string): Promise<MediaRecord[]> {
  return listAll(ctx, { path: `/Messages/${pathSid(messageSid)}/Media.json`, key: "media_list", schema: mediaRecord, recordType: "media", route: "messages.media.list" });
}
