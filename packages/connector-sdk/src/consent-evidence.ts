import type { Identifier } from "./identifiers";
import type { RecordRef } from "./records";

/*
 * Consent to record, per call participant (leg): what a connector declaring
 * `capabilities.consentEvidence` reports about each recorded call, as the vendor logged it. The
 * connector reports facts only (who was on which channel, when the disclosure played, what they
 * answered, when they withdrew); whether that was enough — which rule applied to the participant
 * and from when their recording lacked consent — is Lethe's decision, made the same way for every
 * system (`@lethe/core`'s consent rules).
 */

/** How a participant was told, or how their answer was captured. */
export type ConsentCapture = "beep" | "ivr-prompt" | "dtmf" | "verbal" | "agent-attestation";

/**
 * The participant's part in the call. `caller`: the customer who called or was called;
 * `agent`: the organisation's staff member; `transferred`: a party the call was handed to;
 * `conference`: a party added to the call (a third party, an interpreter, another firm).
 */
export type CallPartyRole = "caller" | "agent" | "transferred" | "conference";

/**
 * One consent fact as the vendor logged it, at an offset into the call. `disclosed`: the
 * recording notice played to this participant; `given` / `declined`: their answer; `withdrawn`:
 * they withdrew consent given earlier, mid-call.
 */
export interface ConsentFact {
  kind: "disclosed" | "given" | "declined" | "withdrawn";
  /** Milliseconds from the start of the recording. */
  atMs: number;
  capture?: ConsentCapture;
}

export interface CallParticipantConsent {
  /** The vendor's id of the leg; stable for the call. */
  participantId: string;
  role: CallPartyRole;
  /** The participant's identifiers as the vendor holds them (phone, SIP address, e-mail, CRM id), normalised. */
  identifiers: Identifier[];
  /** The audio channel carrying their voice; null when they are on no channel of their own (mixed). */
  channel: number | null;
  /** When they joined and left, from the start of the recording; `leftAtMs` absent: at the end. */
  joinedAtMs: number;
  leftAtMs?: number;
  /**
   * An ISO 3166 region (with US states as `US-CA`) the vendor knows the participant to be in;
   * absent: Lethe derives one from their phone number, or applies the strictest rule.
   */
  region?: string;
  facts: ConsentFact[];
}

/** A recorded call and each participant's consent facts. */
export interface CallConsent {
  /** The recording (the record type the connector's redaction and erasure accept). */
  ref: RecordRef;
  startedAt: string;
  durationMs: number;
  participants: CallParticipantConsent[];
}

export interface ConsentEvidenceInput {
  /** Calls that started inside `start/end` (ISO 8601 instants with a zone). */
  interval: string;
  /** Where an earlier read of the same interval stopped. */
  cursor?: string | null;
}

export interface ConsentEvidencePage {
  calls: CallConsent[];
  /** The cursor of the next page; null when this page was the last. */
  nextCursor: string | null;
}
