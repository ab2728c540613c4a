import { z } from "zod";

/*
 * Twilio's 2010-04-01 JSON bodies, as its OpenAPI description (twilio-oai) declares them: snake_case,
 * dates as RFC 2822 strings, numeric fields (`duration`, `price`, `num_media`) as strings, most
 * fields nullable. They validate every answer and are the connector's `recordSchemas`. Objects are
 * loose: a field Twilio adds later is the person's data too, so it is exported, not stripped.
 */

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `a ${prefix}… SID`);
const text = z.string().nullable();

export const accountRecord = z.looseObject({
  sid: sid("AC"),
  friendly_name: text,
  status: z.string().nullable(),
});

export const callRecord = z.looseObject({
  sid: sid("CA"),
  account_sid: sid("AC"),
  parent_call_sid: sid("CA").nullable(),
  /** E.164, `sip:…` or `client:…` as Twilio wrote the leg. */
  to: text,
  from: text,
  /** The caller's CNAM name, when Twilio looked it up. */
  caller_name: text,
  forwarded_from: text,
  status: z.string(),
  direction: text,
  start_time: text,
  end_time: text,
  duration: text,
  uri: text,
});

export const recordingRecord = z.looseObject({
  sid: sid("RE"),
  account_sid: sid("AC"),
  call_sid: sid("CA").nullable(),
  /** `deleted` for metadata Twilio keeps 40 days after the media was deleted. */
  status: z.string(),
  duration: text,
  channels: z.int().nullable().optional(),
  date_created: text,
  media_url: text.optional(),
  uri: text,
});

export const transcriptionRecord = z.looseObject({
  sid: sid("TR"),
  account_sid: sid("AC"),
  recording_sid: sid("RE").nullable(),
  status: z.string().nullable(),
  /** What was said: the subject's words. */
  transcription_text: text,
  date_created: text,
  uri: text,
});

export const messageRecord = z.looseObject({
  sid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "an SM… or MM… SID"),
  account_sid: sid("AC"),
  to: text,
  from: text,
  body: text,
  /** How many media files the message carries, as a string. */
  num_media: z.string().regex(/^\d+$/).nullable(),
  direction: text,
  status: z.string().nullable(),
  date_sent: text,
  uri: text,
});

export const mediaRecord = z.looseObject({
  sid: sid("ME"),
  account_sid: sid("AC"),
  parent_sid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/).nullable(),
  content_type: z.string().min(1),
  date_created: text,
  uri: text,
});

/** The list envelope every `….json` listing shares; the items are under a resource-specific key. */
export const listEnvelope = z.looseObject({
  page: z.int().nonnegative(),
  page_size: z.int().positive(),
  next_page_uri: z.string().min(1).nullable(),
  uri: z.string(),
});

/** Twilio's error body: `{ code, message, more_info, status }`. */
export const errorEnvelope = z.looseObject({
  code: z.int(),
  message: z.string(),
  more_info: z.string().nullable().optional(),
  status: z.int(),
});

export type CallRecord = z.output<typeof callRecord>;
export type RecordingRecord = z.output<typeof recordingRecord>;
export type TranscriptionRecord = z.output<typeof transcriptionRecord>;
export type MessageRecord = z.output<typeof messageRecord>;
export type MediaRecord = z.output<typeof mediaRecord>;

export const recordTypes = ["call", "recording", "transcription", "message", "media"] as const;
export type TwilioRecordType = (typeof recordTypes)[number];

export const recordSchemas = {
  call: callRecord,
  recording: recordingRecord,
  transcription: transcriptionRecord,
  message: messageRecord,
  media: mediaRecord,
} satisfies Record<TwilioRecordType, z.ZodType>;

export function isTwilioRecordType(type: string): type is TwilioRecordType {
  return (recordTypes as readonly string[]).includes(type);
}
