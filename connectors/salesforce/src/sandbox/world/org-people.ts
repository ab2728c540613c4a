import type { Identifier, OraclePerson } from "@lethe/connector-sdk";
import { PersonDirectory, type PersonDeclaration } from "@lethe/sandbox-kit";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { FieldValue, SObjectStore } from "./sobject-store";

/** Fields through which a record hangs from another (whose holders it shares). */
const linkFields = ["ContactId", "LeadId", "WhoId", "ParentId", "PartyId", "LinkedEntityId", "ContentDocumentId"];
const emailFields = ["Email", "EmailAddress", "SuppliedEmail"];
const phoneFields = ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "TelephoneNumber", "SuppliedPhone"];
/** The org's phone region for numbers typed without a country code (the seed's numbers are US ones). */
const orgRegion = "US";

/**
 * Who the org's people are, for the oracle: the seeded people, people a client declared
 * (`POST /__sandbox/people`, or a fixture world's `people`), and the people of records created
 * through the API (`POST /sobjects/{type}`, or a fixture world's `records`). Every record names
 * the people whose data it holds (`SObjectRow.holders`); a created one gets them thus:
 *
 * - a Contact or Lead stands for a person: the known person sharing its e-mail address (or, with
 *   no address, its phone number) — they get its other identifiers — else a new subject whose id
 *   is the record's;
 * - a record hanging from others (a Case's ContactId, an activity's WhoId, a comment's or an
 *   e-mail's ParentId, a contact point's ParentId, a consent's PartyId) holds their people's data,
 *   and a link to a ContentDocument makes the file hold the linked person's;
 * - a web-to-case Case (no Contact) is the person's whose SuppliedEmail/SuppliedPhone it carries,
 *   and an e-mail on no Case the known people's among its addresses.
 *
 * A record that only mentions someone in free text (a comment on another person's Case quoting
 * their address) is held by the people it hangs from, as in the seeded world: the mention is found
 * by locate and redacted, the record is not the mentioned person's.
 */
export class OrgPeople {
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

  /** The holders of a record just created; may add the linked ContentDocument's holders too. */
  holdersOfCreated(store: SObjectStore, object: string, id: string, fields: Record<string, FieldValue>): string[] {
    const holders = new Set<string>();
    const linked = linkFields.map((name) => fields[name]).filter((value): value is string => typeof value === "string" && value !== "");
    for (const link of linked) for (const holder of store.get(link)?.holders ?? []) holders.add(holder);
    const identifiers = identifiersIn(fields);
    if (object === "Contact" || object === "Lead") {
      holders.add(this.directory.ownerCreated(id, identifiers).id);
      // The Individual it points to stands for the same person.
      const individual = typeof fields.IndividualId === "string" ? store.get(fields.IndividualId) : undefined;
      if (individual) for (const holder of holders) if (!individual.holders.includes(holder)) individual.holders.push(holder);
    } else if (object === "Case" && !fields.ContactId && identifiers.length > 0) {
      holders.add(this.directory.attach(identifiers, id).id);
    } else if (object === "EmailMessage" && holders.size === 0) {
      const known = this.directory.match(addressesIn(fields).map((value) => ({ kind: "email" as const, value })));
      if (known) holders.add(known.id);
    } else if (object === "ContentDocumentLink" && typeof fields.ContentDocumentId === "string" && typeof fields.LinkedEntityId === "string") {
      const document = store.get(fields.ContentDocumentId);
      for (const holder of store.get(fields.LinkedEntityId)?.holders ?? []) if (document && !document.holders.includes(holder)) document.holders.push(holder);
      // The link itself holds nothing personal.
      return [];
    }
    return [...holders];
  }
}

function identifiersIn(fields: Record<string, FieldValue>): Identifier[] {
  const identifiers: Identifier[] = [];
  for (const name of emailFields) {
    const value = fields[name];
    if (typeof value === "string" && value.includes("@")) identifiers.push({ kind: "email", value: value.trim().toLowerCase() });
  }
  for (const name of phoneFields) {
    const value = fields[name];
    const parsed = typeof value === "string" ? parsePhoneNumberFromString(value, orgRegion) : undefined;
    if (parsed?.isPossible()) identifiers.push({ kind: "phone", value: parsed.number });
  }
  return identifiers;
}

function addressesIn(fields: Record<string, FieldValue>): string[] {
  return ["FromAddress", "ToAddress", "CcAddress", "BccAddress"]
    .flatMap((name) => (typeof fields[name] === "string" ? fields[name].split(/[;,]/) : []))
    .map((address) => address.trim().toLowerCase())
    .filter((address) => address.includes("@"));
}
