import { peopleHolding, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import { addressPhone, normaliseSipAddress } from "../phone/participant-address";
import type { ParticipantRecord } from "../vendor/records";
import { foldName, type IdentifierSearch } from "./search-recordings";

/* How firmly each identifier ties a call's participant to the subject. Only strong matches may be
 * erased without review (docs/rights-engine.md, "Match strength, engine side"), so doubt means weak. */

const fieldOf: Record<string, string> = {
  phone: "participants[].aor",
  sip: "participants[].aor",
  email: "participants[].email",
  customer_id: "participants[].externalContactId",
  name: "participants[].name",
};

/**
 * The match each hit of one identifier gives. A name is never strong. A phone number or SIP
 * address used by several callers (a household line, a switchboard) cannot tell them apart: the
 * callers are told apart by the CRM contact id, e-mail or name the recorder attached to them.
 */
export function matchesOf(search: IdentifierSearch, defaultRegion: string): Map<ParticipantRecord, IdentifierMatch> {
  const { identifier, hits } = search;
  const field = fieldOf[identifier.kind] ?? identifier.kind;
  // An e-mail address is one mailbox: its callers are one person unless the CRM ids attached to
  // them keep several apart. Any other identifier: each caller the recorder tells apart.
  const callers =
    identifier.kind === "email"
      ? peopleHolding("email", hits.map(({ participant }) => participant.externalContactId ?? undefined))
      : new Set(hits.map(({ participant }) => callerKey(participant, defaultRegion))).size;
  const matches = new Map<ParticipantRecord, IdentifierMatch>();
  for (const { participant } of hits) {
    let match: IdentifierMatch;
    if (identifier.kind === "name") {
      match = { identifier, strength: "weak", field, reason: "a name is not unique" };
    } else if (callers > 1) {
      match = { identifier, strength: "weak", field, reason: `shared: ${callers} callers in this recorder use this ${identifier.kind.replace("_", " ")}` };
    } else {
      match = { identifier, strength: "strong", field };
    }
    matches.set(participant, match);
  }
  return matches;
}

/**
 * Who a participant is, as far as the recorder knows: its CRM id, else its e-mail (without case),
 * else its name, else its address (a phone number in E.164, however the SIPREC aor spells it).
 */
function callerKey(participant: ParticipantRecord, defaultRegion: string): string {
  if (participant.externalContactId) return `id:${participant.externalContactId}`;
  if (participant.email) return `email:${participant.email.trim().toLowerCase()}`;
  if (participant.name) return `name:${foldName(participant.name)}`;
  const phone = addressPhone(participant.aor, defaultRegion);
  return phone ? `phone:${phone}` : `aor:${normaliseSipAddress(participant.aor) ?? participant.aor}`;
}

/**
 * An address match (phone, SIP) is weak when the participant contradicts the subject: a CRM id,
 * e-mail or name attached to the call that is none of the subject's says someone else used the
 * line. (Once the subject's own calls are erased, a household number is no longer shared in the
 * recorder; this rule keeps the other caller's calls from turning strong.)
 */
export function corroborated(participant: ParticipantRecord, matches: IdentifierMatch[], query: Identifier[]): IdentifierMatch[] {
  const addressOnly = matches.every((match) => match.identifier.kind === "phone" || match.identifier.kind === "sip");
  if (!addressOnly) return matches;
  const contradiction = contradicts(participant, query);
  if (!contradiction) return matches;
  const reason = `uncorroborated: matched by address only, and the call's ${contradiction} is not the subject's`;
  return matches.map((match) => ({ ...match, strength: "weak", reason: match.reason ? `${match.reason}; ${reason}` : reason }));
}

function contradicts(participant: ParticipantRecord, query: Identifier[]): string | undefined {
  const values = (kind: Identifier["kind"]) => query.filter((i) => i.kind === kind).map((i) => i.value);
  const ids = values("customer_id");
  if (participant.externalContactId && ids.length > 0 && !ids.includes(participant.externalContactId)) return "contact id";
  const emails = values("email").map((e) => e.toLowerCase());
  if (participant.email && emails.length > 0 && !emails.includes(participant.email.toLowerCase())) return "e-mail address";
  const names = values("name").map(foldName);
  if (participant.name && names.length > 0 && !names.includes(foldName(participant.name))) return "caller name";
  return undefined;
}
