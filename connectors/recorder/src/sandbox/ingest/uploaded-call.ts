import { randomBytes, randomUUID } from "node:crypto";
import type { UploadedWav } from "../audio/read-wav";
import type { ParticipantRow, RecordingRow } from "../world/world";
import { SiprecMetadataError, type SiprecMetadata } from "./read-siprec-metadata";

const day = 86_400_000;

/** What an upload says besides its parts' contents (API.md, "Upload a recording"). */
export interface UploadOptions {
  conversationId?: string;
  legalHold?: { holdId: string; basis: string };
}

/**
 * A new call from an upload: the SIPREC metadata's parties on the channels their streams carry
 * (stream label N is channel N-1, labels 1..n with n at most the file's channels), the call's
 * times from the metadata's associate-time (else the upload's time) and the audio's length, the
 * recorder's default retention (archived after a year, deleted after seven, as seeded calls).
 * The transcript is added by the caller, which needs the parties' channels first.
 */
export function uploadedCall(id: string, metadata: SiprecMetadata, wav: UploadedWav, now: Date, options: UploadOptions): RecordingRow {
  const labels = metadata.streams.map((stream) => stream.label);
  if (labels.some((label, index) => label !== index + 1) || labels.length > wav.channels) {
    throw new SiprecMetadataError([
      `metadata: stream labels must be 1..n, one per audio channel (the file has ${wav.channels}; got ${labels.join(", ") || "none"}).`,
    ]);
  }
  const startTime = metadata.startTime ?? now.toISOString();
  const start = Date.parse(startTime);
  const participants: ParticipantRow[] = metadata.participants.map((party) => ({
    participantId: party.participantId,
    aor: party.aor,
    name: party.name,
    role: party.role,
    channel: party.sentLabel === null ? null : party.sentLabel - 1,
    externalContactId: party.externalContactId,
    email: party.email,
    joinedAt: party.joinedAt ?? startTime,
  }));
  return {
    id,
    conversationId: options.conversationId ?? randomUUID(),
    sessionId: metadata.sessionId,
    groupId: metadata.groupId ?? randomBytes(16).toString("base64"),
    streamIds: metadata.streams.map((stream) => stream.streamId),
    sipSessionId: metadata.sipSessionId,
    startTime,
    endTime: new Date(start + wav.durationMs).toISOString(),
    durationMs: wav.durationMs,
    audio: { channels: wav.channels, sampleRate: wav.sampleRate },
    fileState: "AVAILABLE",
    participants,
    retention: { archiveDate: new Date(start + 365 * day).toISOString(), deleteDate: new Date(start + 7 * 365 * day).toISOString() },
    legalHold: options.legalHold ? { ...options.legalHold, placedAt: now.toISOString() } : null,
    deletion: null,
    redactions: [],
    utterances: [],
    consentEvents: [],
    cardMentions: [],
    queue: metadata.queue,
  };
}

/** A recording id as the recorder makes them (`rec_` and twelve lower-case letters or digits), not yet in use. */
export function newRecordingId(taken: (id: string) => boolean): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let id: string;
  do id = `rec_${[...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join("")}`;
  while (taken(id));
  return id;
}
