import type { OraclePerson } from "@lethe/connector-sdk";
import type { WavFormat } from "../audio/wav";

/*
 * What the recorder keeps, in the API's own shapes (API.md, "Resources"), plus ground truth only
 * the oracle knows: which seeded person each participant is, and where card numbers were spoken.
 */

export interface PersonRow {
  id: string;
  name: string;
  /** E.164. */
  phone: string;
  email: string;
  customerId: string;
  /** A SIP address some people call from, e.g. `sip:jane.doe@voip.example.net`. */
  sip?: string;
}

export interface ParticipantRow {
  participantId: string;
  aor: string;
  name: string | null;
  role: "customer" | "agent" | "third-party";
  channel: number | null;
  externalContactId: string | null;
  email: string | null;
  /** Ground truth: the seeded person on this side of the call (agents are staff, not seeded people). */
  personId?: string;
  joinedAt: string;
}

export interface WordRow {
  word: string;
  startMs: number;
  endMs: number;
  confidence: number;
}

export interface UtteranceRow {
  utteranceId: string;
  participantId: string;
  channel: number;
  startMs: number;
  endMs: number;
  text: string;
  words: WordRow[];
}

export interface ConsentEventRow {
  eventId: string;
  participantId: string;
  type: "consent.requested" | "consent.given" | "consent.declined" | "consent.withdrawn";
  method: "ivr-prompt" | "beep" | "verbal" | "dtmf" | "agent-attestation";
  at: string;
  /** What was consented to: being recorded (absent) or the recording's use for quality training. */
  purpose?: "recording" | "quality-training";
}

/** Ground truth for the PCI sweep: a card number spoken on the call (by the caller or read back). */
export interface CardMention {
  utteranceId: string;
  /** Index of the utterance in the transcript, and of its first and last card words. */
  utteranceIndex: number;
  firstWord: number;
  lastWord: number;
  channel: number;
  speaker: "customer" | "agent";
  startMs: number;
  endMs: number;
  pan: string;
}

export interface RedactionRow {
  channel: number;
  startMs: number;
  endMs: number;
  mode: "silence" | "tone";
  label: string;
  appliedAt: string;
}

export interface RecordingRow {
  id: string;
  conversationId: string;
  /** SIPREC ids (base64 of 128 bits). */
  sessionId: string;
  groupId: string;
  streamIds: string[];
  sipSessionId: string;
  startTime: string;
  endTime: string;
  durationMs: number;
  /** The media's channels and rate: 8 kHz stereo when synthesised, an upload's own otherwise. */
  audio: WavFormat;
  fileState: "AVAILABLE" | "ARCHIVED" | "DELETED";
  participants: ParticipantRow[];
  retention: { archiveDate: string | null; deleteDate: string | null };
  legalHold: { holdId: string; basis: string; placedAt: string } | null;
  deletion: { jobId: string; state: string } | null;
  redactions: RedactionRow[];
  utterances: UtteranceRow[];
  consentEvents: ConsentEventRow[];
  cardMentions: CardMention[];
  /** The CRM queue the call came in on (a SIPREC extension element). */
  queue: string;
}

export interface SeededWorld {
  seed: number;
  /** Where the calls come from: the seed, or a fixture file (whose synthesised audio is not shared between sandboxes). */
  kind: "seeded" | "fixture";
  people: PersonRow[];
  recordings: RecordingRow[];
  oraclePeople: OraclePerson[];
}
