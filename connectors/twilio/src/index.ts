import { defineConnector } from "@lethe/connector-sdk";
import { version } from "../package.json";
import { check } from "./check";
import { inventory } from "./inventory";
import { eraseRecords } from "./erase/erase-records";
import { readBackRecords } from "./erase/read-back";
import { exportFieldRoles, processing } from "./export-declarations";
import { exportRecords } from "./export/export-records";
import { locate } from "./locate/locate";
import { openRecordingAudio } from "./recording-audio";
import { twilioSecrets, twilioSettings } from "./settings";
import { recordSchemas } from "./vendor/records";

/**
 * Twilio (Programmable Voice and Messaging, REST API 2010-04-01): finds a person's calls by
 * number, SIP address or client identity, with their recordings and transcriptions, and their
 * SMS/MMS messages with media; exports the JSON and the audio and media files; deletes each
 * record. Its sandbox is `@lethe/connector-twilio/sandbox`. Raw HTTP through `ctx.http`, not the
 * `twilio` npm client, which sends its own requests (axios) past the runtime's rate limiter,
 * retries and fault injection (README.md).
 */
export const twilioConnector = defineConnector({
  id: "twilio",
  // From package.json (inlined by the build), so receipts name the version that was released.
  version,
  title: "Twilio",
  description:
    "Twilio Programmable Voice and Messaging: finds a person's calls (phone, SIP and client legs), recordings, transcriptions and SMS/MMS messages with media; exports them with the audio; deletes each one.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/twilio/README.md",
  settings: twilioSettings,
  secrets: twilioSecrets,
  examples: {
    settings: { accountSid: "AC0123456789abcdef0123456789abcdef", baseUrl: "https://api.twilio.com", sipDomains: ["acme.sip.twilio.com"] },
    secrets: { authToken: "f3a9c1d07b2e4856a1c9e0d3b7f2a4c6" },
  },
  invalidSettingsExample: { accountSid: "AC-not-a-sid", baseUrl: "https://api.twilio.com" },
  identifiers: ["phone", "sip", "native_id"],
  inventory,
  recordSchemas,
  exportFieldRoles,
  processing,
  capabilities: {
    locate: true,
    export: true,
    erase: {
      mode: "hard",
      caveats: [
        "Each call log, recording, transcription, message and media file is deleted on its own: Twilio keeps them in separate stores, and deleting a call leaves its recordings.",
        "A deleted recording's audio is gone at once; Twilio keeps its metadata (SIDs, duration, no audio, no numbers) for 40 days marked deleted, and then removes it.",
        "What Twilio refuses to delete (a call still in progress, a message still being sent) is retained with Twilio's error code as the reason.",
        "Conversations (conversations.twilio.com) are a separate API this connector does not search.",
      ],
    },
    redact: false,
    hold: false,
    discover: false,
    confirm: false,
    recordingAudio: { recordType: "recording" },
    readBack: true,
  },
  // Twilio limits concurrency, not a rate (error 20429, "too many concurrent requests") and publishes
  // no per-minute figure; 600 a minute (10 a second, one request in flight at a time from one task)
  // stays far under an account's concurrency and leaves room for its own traffic. Answers 429 with
  // a Retry-After are waited out by ctx.http.
  rateLimit: { requestsPerMinute: 600 },
  check,
  locate,
  export: exportRecords,
  erase: eraseRecords,
  openRecordingAudio,
  readBack: readBackRecords,
});

export default twilioConnector;

export { callRecord, mediaRecord, messageRecord, recordingRecord, recordSchemas, transcriptionRecord } from "./vendor/records";
export type { CallRecord, MediaRecord, MessageRecord, RecordingRecord, TranscriptionRecord, TwilioRecordType } from "./vendor/records";
export { twilioSecrets, twilioSettings } from "./settings";
export type { TwilioContext, TwilioSecrets, TwilioSettings } from "./settings";
export { legAddresses } from "./locate/leg-addresses";
