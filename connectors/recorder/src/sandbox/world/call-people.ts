import type { Identifier, OraclePerson } from "@lethe/connector-sdk";
import { PersonDirectory, type PersonDeclaration } from "@lethe/sandbox-kit";
import { addressPhone, normaliseSipAddress } from "../../phone/participant-address";
import type { ParticipantRow, RecordingRow } from "./world";

/*
 * The region a national-format address (`sip:2015550123@pbx`) is read in, as the sandbox's
 * connector settings give it (start-sandbox.ts).
 */
const sandboxRegion = "US";

/**
 * Who the callers are, for the oracle: the seeded people, people declared through `POST
 * /__sandbox/people` (or a fixture world's `people`), and the parties of uploaded or fixture calls —
 * each non-agent party matched to a known person by an identifier in common (e-mail, SIP address,
 * CRM id; a phone number only when the party has nothing else, as a household shares one; never a
 * name alone, which namesakes share), else a new subject of its own. Agents are staff, nobody's
 * data subject. Declare people before their calls arrive: a party matched to nobody becomes a
 * person of its own.
 */
export class CallPeople {
  private readonly directory: PersonDirectory;

  constructor(seeded: readonly OraclePerson[]) {
    this.directory = new PersonDirectory(seeded);
  }

  people(): OraclePerson[] {
    return this.directory.people();
  }

  declare(declaration: PersonDeclaration): OraclePerson {
    return this.directory.declare(declaration);
  }

  /** Sets `personId` on each party of a new call that is somebody's data subject. */
  assign(recording: RecordingRow): void {
    recording.participants.forEach((party, index) => {
      if (party.role === "agent" || party.personId !== undefined) return;
      const identifiers = partyIdentifiers(party);
      const matchBy = identifiers.filter((identifier) => identifier.kind !== "name");
      if (matchBy.length === 0) return;
      const person = this.directory.attach(matchBy, `caller_${recording.id.slice("rec_".length)}_${index}`);
      this.directory.addIdentifiers(person.id, identifiers);
      party.personId = person.id;
    });
  }
}

/** What the engine would query for this party: E.164 phone or SIP address, e-mail, CRM id, name. */
export function partyIdentifiers(party: ParticipantRow): Identifier[] {
  const phone = addressPhone(party.aor, sandboxRegion);
  const sip = phone === undefined ? normaliseSipAddress(party.aor) : undefined;
  return [
    ...(phone !== undefined ? [{ kind: "phone" as const, value: phone }] : []),
    ...(sip !== undefined ? [{ kind: "sip" as const, value: sip }] : []),
    ...(party.email !== null ? [{ kind: "email" as const, value: party.email }] : []),
    ...(party.externalContactId !== null ? [{ kind: "customer_id" as const, value: party.externalContactId }] : []),
    ...(party.name !== null ? [{ kind: "name" as const, value: party.name }] : []),
  ];
}
