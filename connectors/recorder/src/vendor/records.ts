import { z } from "zod";

/*
 * The recorder API's JSON bodies (API.md, "Resources"; camelCase on the wire, as Genesys Cloud's).
 * They validate every vendor response and are the connector's `recordSchemas`. Objects are loose:
 * a field the vendor adds later is the person's data too, so it is exported, not stripped.
 */

const timestamp = z.iso.datetime({ offset: true });

export const participantRecord = z.looseObject({
  /** SIPREC participant_id: a base64-encoded 128-bit id. */
  participantId: z.string().min(1),
  /** SIPREC nameID/@aor: a tel:, sip: or sips: URI. */
  aor: z.string().regex(/^(tel|sips?):/i, "a tel:, sip: or sips: URI"),
  name: z.string().nullable(),
  role: z.enum(["customer", "agent", "third-party"]),
  /** Zero-based channel of the stereo file that carries this party's voice; null when not recorded. */
  channel: z.int().nonnegative().nullable(),
  externalContactId: z.string().nullable(),
  email: z.string().nullable(),
  /** When the party joined the call (SIPREC associate-time). */
  joinedAt: timestamp.optional(),
});

export const legalHoldRecord = z.looseObject({
  holdId: z.string().min(1),
  basis: z.string(),
  placedAt: timestamp,
});

export const fileStates = ["AVAILABLE", "ARCHIVED", "DELETED"] as const;

export const recordingRecord = z.looseObject({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  startTime: timestamp,
  endTime: timestamp,
  durationMs: z.int().nonnegative(),
  media: z.literal("audio"),
  /** DELETED: the media is gone, the metadata, transcript and consent events are not (yet). */
  fileState: z.enum(fileStates),
  channels: z.int().positive(),
  sampleRate: z.int().positive(),
  contentType: z.string().min(1),
  /** Bytes of the WAV file; null once the media is deleted. */
  contentLength: z.int().nonnegative().nullable(),
  participants: z.array(participantRecord),
  retention: z.looseObject({ archiveDate: timestamp.nullable(), deleteDate: timestamp.nullable() }),
  legalHold: legalHoldRecord.nullable(),
  deletion: z.looseObject({ jobId: z.string().min(1), state: z.string() }).nullable(),
  redactions: z.array(
    z.looseObject({
      channel: z.int().nonnegative(),
      startMs: z.int().nonnegative(),
      endMs: z.int().nonnegative(),
      mode: z.enum(["silence", "tone"]),
      label: z.string(),
      appliedAt: timestamp,
    }),
  ),
  selfUri: z.string(),
});

export const wordRecord = z.looseObject({
  word: z.string(),
  startMs: z.int().nonnegative(),
  endMs: z.int().nonnegative(),
  confidence: z.number().min(0).max(1),
});

export const utteranceRecord = z.looseObject({
  utteranceId: z.string().min(1),
  participantId: z.string().min(1),
  channel: z.int().nonnegative(),
  startMs: z.int().nonnegative(),
  endMs: z.int().nonnegative(),
  /** The words joined by single spaces. */
  text: z.string(),
  words: z.array(wordRecord),
});

export const transcriptRecord = z.looseObject({
  recordingId: z.string().min(1),
  language: z.string().min(2),
  utterances: z.array(utteranceRecord),
});

export const consentEventRecord = z.looseObject({
  eventId: z.string().min(1),
  participantId: z.string().min(1),
  type: z.enum(["consent.requested", "consent.given", "consent.declined", "consent.withdrawn"]),
  method: z.enum(["ivr-prompt", "beep", "verbal", "dtmf", "agent-attestation"]),
  at: timestamp,
  /** What was consented to (API.md, "Consent events"): being recorded, or use for quality training. */
  purpose: z.enum(["recording", "quality-training"]).optional(),
});

export const consentRecord = z.looseObject({
  recordingId: z.string().min(1),
  events: z.array(consentEventRecord),
});

export const jobStates = ["PENDING", "PROCESSING", "FULFILLED", "FAILED", "CANCELLED"] as const;

export const jobRecord = z.looseObject({
  id: z.string().min(1),
  action: z.enum(["DELETE"]),
  state: z.enum(jobStates),
  recordingIds: z.array(z.string()),
  totalRecordings: z.int().nonnegative(),
  processedRecordings: z.int().nonnegative(),
  skippedRecordings: z.array(z.looseObject({ recordingId: z.string(), reason: z.string() })),
  failedRecordings: z.array(z.looseObject({ recordingId: z.string(), reason: z.string() })),
  errorMessage: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const tokenRecord = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.int().positive(),
});

export const organizationRecord = z.looseObject({
  organization: z.looseObject({ id: z.string(), name: z.string() }),
});

/** `POST /v1/recordings:search`: `{ entities, pageSize, nextCursor }`; entities are checked one by one. */
export const searchPage = z.looseObject({
  entities: z.array(z.unknown()),
  pageSize: z.int().positive(),
  nextCursor: z.string().min(1).nullable(),
});

/** The vendor's error body (Genesys ErrorBody): `{ message, code, status, entityId?, details }`. */
export const errorBody = z.looseObject({
  message: z.string(),
  code: z.string(),
  status: z.int(),
  entityId: z.string().optional(),
  details: z.array(z.looseObject({ entityId: z.string().optional() })).optional(),
});

export type ParticipantRecord = z.output<typeof participantRecord>;
export type RecordingRecord = z.output<typeof recordingRecord>;
export type TranscriptRecord = z.output<typeof transcriptRecord>;
export type ConsentRecord = z.output<typeof consentRecord>;
export type JobRecord = z.output<typeof jobRecord>;

/** The connector's record types: one recording, its transcript and its consent events share an id. */
export const recordTypes = ["recording", "transcript", "consent"] as const;
export type RecorderRecordType = (typeof recordTypes)[number];

export const recordSchemas = {
  recording: recordingRecord,
  transcript: transcriptRecord,
  consent: consentRecord,
} satisfies Record<RecorderRecordType, z.ZodType>;

export function isRecorderRecordType(type: string): type is RecorderRecordType {
  return (recordTypes as readonly string[]).includes(type);
}
