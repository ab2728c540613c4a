import type { StoredCall, StoredMedia, StoredMessage, StoredRecording, StoredTranscription } from "../world/records";

/** Twilio writes dates as RFC 2822 with a numeric zone: `Fri, 14 Oct 2016 21:56:34 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

const base = (accountSid: string) => `/2010-04-01/Accounts/${accountSid}`;

export function callJson(accountSid: string, call: StoredCall): Record<string, unknown> {
  const uri = `${base(accountSid)}/Calls/${call.sid}.json`;
  return {
    sid: call.sid,
    account_sid: accountSid,
    api_version: "2010-04-01",
    parent_call_sid: null,
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    caller_name: call.callerName,
    forwarded_from: null,
    phone_number_sid: null,
    status: call.status,
    direction: call.direction,
    answered_by: null,
    start_time: rfc2822(call.startTime),
    // A call under way has no end, length or price yet.
    end_time: call.status === "in-progress" ? null : rfc2822(new Date(call.startTime.getTime() + call.durationSeconds * 1000)),
    duration: call.status === "in-progress" ? null : String(call.durationSeconds),
    date_created: rfc2822(call.startTime),
    date_updated: rfc2822(call.startTime),
    price: call.status === "in-progress" ? null : "-0.01300",
    price_unit: "USD",
    group_sid: null,
    queue_time: "0",
    trunk_sid: null,
    uri,
    subresource_uris: { recordings: `${base(accountSid)}/Calls/${call.sid}/Recordings.json` },
  };
}

export function recordingJson(accountSid: string, recording: StoredRecording): Record<string, unknown> {
  return {
    sid: recording.sid,
    account_sid: accountSid,
    api_version: "2010-04-01",
    call_sid: recording.callSid,
    conference_sid: null,
    channels: 1,
    date_created: rfc2822(recording.startTime),
    date_updated: rfc2822(recording.deletedAt ?? recording.startTime),
    start_time: rfc2822(recording.startTime),
    duration: String(recording.durationSeconds),
    price: "-0.00250",
    price_unit: "USD",
    source: "RecordVerb",
    status: recording.deletedAt ? "deleted" : "completed",
    error_code: null,
    encryption_details: null,
    uri: `${base(accountSid)}/Recordings/${recording.sid}.json`,
    media_url: `https://api.twilio.com${base(accountSid)}/Recordings/${recording.sid}`,
    subresource_uris: {
      transcriptions: `${base(accountSid)}/Recordings/${recording.sid}/Transcriptions.json`,
      add_on_results: `${base(accountSid)}/Recordings/${recording.sid}/AddOnResults.json`,
    },
  };
}

/**
 * A recording as listed under its call (`Calls/{CallSid}/Recordings.json`): the spec's
 * `call_recording` shape — with `track`, without `media_url` and `subresource_uris`, its `uri`
 * under the call. Deleted recordings are never listed here.
 */
export function callRecordingJson(accountSid: string, recording: StoredRecording): Record<string, unknown> {
  const { media_url: _mediaUrl, subresource_uris: _subresources, ...common } = recordingJson(accountSid, recording);
  return { ...common, track: "both", uri: `${base(accountSid)}/Calls/${recording.callSid}/Recordings/${recording.sid}.json` };
}

export function transcriptionJson(accountSid: string, transcription: StoredTranscription): Record<string, unknown> {
  return {
    sid: transcription.sid,
    account_sid: accountSid,
    api_version: "2008-08-01",
    recording_sid: transcription.recordingSid,
    status: "completed",
    transcription_text: transcription.text,
    type: "fast",
    duration: "10",
    price: null,
    price_unit: "USD",
    date_created: rfc2822(transcription.created),
    date_updated: rfc2822(transcription.created),
    uri: `${base(accountSid)}/Transcriptions/${transcription.sid}.json`,
  };
}

export function messageJson(accountSid: string, message: StoredMessage): Record<string, unknown> {
  return {
    sid: message.sid,
    account_sid: accountSid,
    api_version: "2010-04-01",
    to: message.to,
    from: message.from,
    body: message.body,
    num_segments: "1",
    num_media: String(message.numMedia),
    direction: message.direction,
    status: message.direction === "inbound" ? "received" : "delivered",
    messaging_service_sid: null,
    price: "-0.00750",
    price_unit: "USD",
    error_code: null,
    error_message: null,
    date_created: rfc2822(message.sent),
    date_sent: rfc2822(message.sent),
    date_updated: rfc2822(message.sent),
    uri: `${base(accountSid)}/Messages/${message.sid}.json`,
    subresource_uris: { media: `${base(accountSid)}/Messages/${message.sid}/Media.json`, feedback: `${base(accountSid)}/Messages/${message.sid}/Feedback.json` },
  };
}

export function mediaJson(accountSid: string, media: StoredMedia): Record<string, unknown> {
  return {
    sid: media.sid,
    account_sid: accountSid,
    parent_sid: media.messageSid,
    content_type: media.contentType,
    date_created: rfc2822(media.created),
    date_updated: rfc2822(media.created),
    uri: `${base(accountSid)}/Messages/${media.messageSid}/Media/${media.sid}.json`,
  };
}
