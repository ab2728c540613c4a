import type { RecorderStore } from "../world/recorder-store";
import type { RecordingRow } from "../world/world";

/** `GET /v1/recordings/{id}`'s body (API.md, "Recording"): ground truth (who is who) left out. */
export function recordingJson(store: RecorderStore, recording: RecordingRow) {
  return {
    id: recording.id,
    conversationId: recording.conversationId,
    startTime: recording.startTime,
    endTime: recording.endTime,
    durationMs: recording.durationMs,
    media: "audio",
    fileState: recording.fileState,
    channels: recording.audio.channels,
    sampleRate: recording.audio.sampleRate,
    contentType: "audio/wav",
    contentLength: store.mediaLength(recording),
    participants: recording.participants.map(({ participantId, aor, name, role, channel, externalContactId, email, joinedAt }) => ({
      participantId,
      aor,
      name,
      role,
      channel,
      externalContactId,
      email,
      joinedAt,
    })),
    retention: recording.retention,
    legalHold: recording.legalHold,
    deletion: recording.deletion,
    redactions: recording.redactions,
    selfUri: `/v1/recordings/${recording.id}`,
  };
}

export function transcriptJson(recording: RecordingRow) {
  return {
    recordingId: recording.id,
    language: "en-US",
    utterances: recording.utterances.map(({ utteranceId, participantId, channel, startMs, endMs, text, words }) => ({
      utteranceId,
      participantId,
      channel,
      startMs,
      endMs,
      text,
      words: words.map(({ word, startMs: s, endMs: e, confidence }) => ({ word, startMs: s, endMs: e, confidence })),
    })),
  };
}

export function consentJson(recording: RecordingRow) {
  return { recordingId: recording.id, events: recording.consentEvents.map((event) => ({ ...event, purpose: event.purpose ?? "recording" })) };
}
