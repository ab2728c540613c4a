import type { RecordRef } from "@lethe/connector-sdk";

/*
 * Record ids. Calls, recordings, transcriptions and messages are addressed by their own SID at
 * Twilio; a media file only under its message (`/Messages/{MessageSid}/Media/{Sid}`), so its id
 * carries both: `{MessageSid}:{MediaSid}`.
 */

export function mediaRef(messageSid: string, mediaSid: string): RecordRef {
  return { type: "media", id: `${messageSid}:${mediaSid}` };
}

export function mediaSids(id: string): { messageSid: string; mediaSid: string } | undefined {
  const match = /^((?:SM|MM)[0-9a-fA-F]{32}):(ME[0-9a-fA-F]{32})$/.exec(id);
  return match?.[1] && match[2] ? { messageSid: match[1], mediaSid: match[2] } : undefined;
}
