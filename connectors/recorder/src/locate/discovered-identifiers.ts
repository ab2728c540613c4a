import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import { addressPhone, normaliseSipAddress } from "../phone/participant-address";
import type { ParticipantRecord } from "../vendor/records";

/**
 * Identifiers the subject's own participant entry carries that the query did not hold: the CRM id
 * the recorder attached, the e-mail of a web callback, the number they called from. The engine
 * feeds them to other connectors. Only strongly matched participants are read: a weak match may
 * be someone else, whose identifiers must not lead anywhere.
 */
export function discoveredIdentifiers(participant: ParticipantRecord, region: string, queried: ReadonlySet<string>): Identifier[] {
  const found: Identifier[] = [];
  const phone = addressPhone(participant.aor, region);
  if (phone) found.push({ kind: "phone", value: phone });
  else {
    const sip = normaliseSipAddress(participant.aor);
    if (sip) found.push({ kind: "sip", value: sip });
  }
  if (participant.email) found.push({ kind: "email", value: participant.email.toLowerCase() });
  if (participant.externalContactId) found.push({ kind: "customer_id", value: participant.externalContactId });
  if (participant.name) found.push({ kind: "name", value: participant.name });
  return found.filter((identifier) => !queried.has(identifierKey(identifier)));
}
