import { version } from "../package.json";
import { exportFieldRoles, processing } from "./export-declarations";
import { defineConnector } from "@lethe/connector-sdk";
import { check } from "./check";
import { countRecords } from "./count-records";
import { inventory } from "./inventory";
import { readConsentEvidence } from "./consent/read-consent-evidence";
import { readBackRecords } from "./erase/read-back";
import { confirmDeletions } from "./erase/confirm-deletions";
import { eraseRecordings } from "./erase/erase-recordings";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { sweepCardNumbers } from "./pci-sweep/sweep-card-numbers";
import { openRecordingAudio } from "./recording-audio";
import { redactRecording } from "./redact-recording";
import { findExpiredRecordings, retentionRecordType } from "./retention/find-expired-recordings";
import { recorderSecrets, recorderSettings } from "./settings";
import { recordSchemas } from "./vendor/records";

/**
 * A generic call recorder (API.md): recordings with SIPREC participants, stereo audio with a
 * channel per party, transcripts with word timings, consent-to-record events, retention dates and
 * legal holds; deletion through asynchronous jobs and redaction of audio ranges and transcript
 * spans. Its sandbox is `@lethe/connector-recorder/sandbox`.
 *
 * Besides the request phases it declares four of the SDK's optional operations: the PCI sweep
 * (`cardSweep`, run by the runtime's `lethe.pci.sweep` task outside any request), the audio of
 * a recording for the console's player (`recordingAudio`), each call participant's
 * consent-to-record facts for the consent ledger (`consentEvidence`), and the calls past a
 * retention period (`retention`, for the runtime's retention schedules).
 */
export const recorderConnector = defineConnector({
  id: "recorder",
  // From package.json (inlined by the build), so receipts name the version that was released.
  version,
  title: "Call recorder (SIPREC)",
  description:
    "A contact-centre call recorder: finds a person's calls by number, SIP address, e-mail or CRM id; exports audio, SIPREC metadata, transcripts and consent events; deletes through asynchronous jobs unless held; mutes and redacts what must go.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/recorder/API.md",
  settings: recorderSettings,
  secrets: recorderSecrets,
  examples: {
    settings: { baseUrl: "https://recorder.example.com", defaultRegion: "GB" },
    secrets: { clientId: "lethe-dsr", clientSecret: "rec_0123456789abcdef0123456789abcdef" },
  },
  invalidSettingsExample: { baseUrl: "https://recorder.example.com", defaultRegion: "United Kingdom" },
  identifiers: ["phone", "sip", "email", "customer_id", "name"],
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
        "Deletion is asynchronous: receipts are pending until the recorder's deletion job is fulfilled (confirm).",
        "Recordings under legal hold (deletion protection) are refused by the recorder and retained.",
        "A recording, its transcript and its consent events are deleted together.",
        "A redact plan keeps the call: the subject's own channel is muted where they spoke personal data (or whole, scope whole-party) and those words of the transcript redacted; the agent's side is never touched, and a call on which the subject cannot be identified is retained untouched.",
      ],
    },
    redact: true,
    hold: true,
    discover: false,
    confirm: true,
    cardSweep: true,
    recordingAudio: { recordType: "recording" },
    readBack: true,
    // Recordings are counted by paging the search over all time (the API has no count); transcripts
    // and consent events cannot be counted without reading each recording's.
    countRecords: { recordTypes: ["recording"] },
    retention: { recordTypes: [retentionRecordType] },
    consentEvidence: true,
  },
  // The vendor documents 300 requests per minute per OAuth client (API.md, "Rate limit").
  rateLimit: { requestsPerMinute: 300 },
  check,
  locate,
  export: exportRecords,
  erase: eraseRecordings,
  confirm: confirmDeletions,
  redact: redactRecording,
  sweepCardNumbers,
  openRecordingAudio,
  readBack: readBackRecords,
  countRecords,
  findExpired: findExpiredRecordings,
  readConsentEvidence,
});

export default recorderConnector;

export { sweepCardNumbers } from "./pci-sweep/sweep-card-numbers";
export { openRecordingAudio } from "./recording-audio";
export { cardNumberSpans } from "./pci-sweep/card-number-spans";

export {
  consentRecord,
  jobRecord,
  participantRecord,
  recordingRecord,
  recordSchemas,
  transcriptRecord,
} from "./vendor/records";
export type { ConsentRecord, JobRecord, ParticipantRecord, RecorderRecordType, RecordingRecord, TranscriptRecord } from "./vendor/records";
export { recorderSecrets, recorderSettings } from "./settings";
export type { RecorderContext, RecorderSecrets, RecorderSettings } from "./settings";
