import type { OracleRecord } from "@lethe/connector-sdk";
import type { StoredCall, StoredMedia, StoredMessage, StoredRecording, StoredTranscription } from "./records";
import type { TwilioWorld } from "./seed-world";

/** Twilio keeps a deleted recording's metadata this long (vendor docs: 40 days), without its media. */
export const softDeletedRecordingDays = 40;

/**
 * The account's resources, each in a store of its own as at Twilio: deleting a call leaves its
 * recordings, deleting a recording leaves its transcriptions, deleting a message leaves its media.
 */
export class TwilioStore {
  readonly calls = new Map<string, StoredCall>();
  readonly recordings = new Map<string, StoredRecording>();
  readonly transcriptions = new Map<string, StoredTranscription>();
  readonly messages = new Map<string, StoredMessage>();
  readonly media = new Map<string, StoredMedia>();

  constructor(world: TwilioWorld) {
    for (const call of world.calls) this.calls.set(call.sid, call);
    for (const recording of world.recordings) this.recordings.set(recording.sid, { ...recording });
    for (const transcription of world.transcriptions) this.transcriptions.set(transcription.sid, transcription);
    for (const message of world.messages) this.messages.set(message.sid, message);
    for (const media of world.media) this.media.set(media.sid, media);
  }

  /** Soft-deleted recording metadata older than 40 days goes, as Twilio's own clean-up would. */
  expire(now: Date): void {
    for (const [sid, recording] of this.recordings) {
      if (recording.deletedAt && now.getTime() - recording.deletedAt.getTime() >= softDeletedRecordingDays * 86_400_000) this.recordings.delete(sid);
    }
  }

  /**
   * Every record still holding the person's data, read from the store directly. A deleted
   * recording's lingering metadata (SIDs, duration; no audio, no numbers) holds none and is left
   * out.
   */
  recordsHolding(personId: string): OracleRecord[] {
    const records: OracleRecord[] = [];
    const active = (type: string, id: string, personalData: Record<string, unknown>) => records.push({ ref: { type, id }, store: "active", personalData, anonymised: false });
    for (const call of this.calls.values()) {
      if (call.owner !== personId) continue;
      active("call", call.sid, { to: call.to, from: call.from, ...(call.direction === "inbound" && call.callerName ? { caller_name: call.callerName } : {}) });
    }
    for (const recording of this.recordings.values()) {
      if (recording.owner === personId && !recording.deletedAt) active("recording", recording.sid, { audio: `${recording.durationSeconds} s of the call's audio` });
    }
    for (const transcription of this.transcriptions.values()) {
      if (transcription.owner === personId) active("transcription", transcription.sid, { transcription_text: transcription.text });
    }
    for (const message of this.messages.values()) {
      if (message.owner === personId) active("message", message.sid, { to: message.to, from: message.from, body: message.body });
    }
    for (const media of this.media.values()) {
      if (media.owner === personId) active("media", `${media.messageSid}:${media.sid}`, { content: `a ${media.contentType} file sent in a message` });
    }
    return records;
  }
}
