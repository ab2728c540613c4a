import type { Identifier, IdentifierMatch } from "@lethe/connector-sdk";
import { corroborated } from "../locate/match-strength";
import { comparable } from "../locate/search-recordings";
import type { ParticipantRecord, RecordingRecord } from "../vendor/records";

/** Who the subject is on one call, or why nobody on it can be said to be them. */
export type SubjectOnCall =
  | { found: true; participants: ParticipantRecord[] }
  | { found: false; reason: string };

/**
 * The call's participants who are the subject, compared as locate compares them (E.164 phone
 * numbers, normalised SIP URIs, e-mail, CRM id). Redact mode mutes a party's voice, so doubt means
 * "not the subject": a name alone is not enough (names are shared), an address match contradicted
 * by a CRM id, e-mail or name that is not the subject's is someone else on the same line, and the
 * agent's side is the evidence redact mode keeps.
 */
export function subjectOnCall(recording: RecordingRecord, identifiers: readonly Identifier[], region: string): SubjectOnCall {
  const reasons: string[] = [];
  const participants: ParticipantRecord[] = [];
  for (const participant of recording.participants) {
    const carried = identifiers.filter((identifier) => comparable(identifier, region)?.carriedBy(participant) ?? false);
    if (carried.length === 0) continue;
    if (participant.role === "agent") {
      reasons.push("the subject's identifiers match the agent, whose side redact mode keeps as evidence");
      continue;
    }
    if (carried.every((identifier) => identifier.kind === "name")) {
      reasons.push("a participant matches by name only, and a name is not unique");
      continue;
    }
    const matches: IdentifierMatch[] = carried.map((identifier) => ({ identifier, strength: "strong" }));
    if (corroborated(participant, matches, [...identifiers]).some((match) => match.strength === "weak")) {
      reasons.push("a participant shares the subject's number or SIP address but carries another person's CRM id, e-mail or name");
      continue;
    }
    participants.push(participant);
  }
  if (participants.length > 0) return { found: true, participants };
  return { found: false, reason: reasons.length > 0 ? reasons.join("; ") : "none of the call's participants carries the subject's identifiers" };
}
