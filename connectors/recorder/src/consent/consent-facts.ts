import type { CallPartyRole, ConsentCapture, ConsentFact } from "@lethe/connector-sdk";
import type { ConsentRecord, ParticipantRecord } from "../vendor/records";

const factKinds = {
  "consent.requested": "disclosed",
  "consent.given": "given",
  "consent.declined": "declined",
  "consent.withdrawn": "withdrawn",
} as const satisfies Record<ConsentRecord["events"][number]["type"], ConsentFact["kind"]>;

const partyRoles = {
  customer: "caller",
  agent: "agent",
  "third-party": "conference",
} as const satisfies Record<ParticipantRecord["role"], CallPartyRole>;

/** The recorder's role of a participant in the SDK's words. */
export function partyRole(role: ParticipantRecord["role"]): CallPartyRole {
  return partyRoles[role];
}

/**
 * One participant's consent events as facts at offsets into the call: `consent.requested` is the
 * notice played to them (API.md, "Consent events"), the rest their answer and withdrawal.
 */
export function consentFacts(consent: ConsentRecord, participantId: string, callStart: number): ConsentFact[] {
  return consent.events
    // Consent to quality training is about using the recording, not about recording: not a fact here.
    .filter((event) => event.participantId === participantId && (event.purpose ?? "recording") === "recording")
    .map((event) => ({
      kind: factKinds[event.type],
      atMs: Math.max(0, Date.parse(event.at) - callStart),
      capture: event.method satisfies ConsentCapture,
    }))
    .sort((a, b) => a.atMs - b.atMs);
}
