import type { Identifier } from "@lethe/connector-sdk";
import { addressPhone, normaliseSipAddress } from "../phone/participant-address";
import type { ParticipantRecord } from "../vendor/records";

/**
 * Everything the recorder knows a participant by, normalised: the number or SIP address they
 * called from, their e-mail and the CRM id. Names are left out: a consent fact is kept about a
 * person, and a name never tells who that is.
 */
export function participantIdentifiers(participant: ParticipantRecord, region: string): Identifier[] {
  const identifiers: Identifier[] = [];
  const phone = addressPhone(participant.aor, region);
  if (phone) identifiers.push({ kind: "phone", value: phone });
  else {
    const sip = normaliseSipAddress(participant.aor);
    if (sip) identifiers.push({ kind: "sip", value: sip });
  }
  if (participant.email) identifiers.push({ kind: "email", value: participant.email.toLowerCase() });
  if (participant.externalContactId) identifiers.push({ kind: "customer_id", value: participant.externalContactId });
  return identifiers;
}
