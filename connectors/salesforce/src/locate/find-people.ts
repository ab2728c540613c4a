import { peopleHolding, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import { soqlContains, soqlDigitsInOrder, soqlString } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { queryAnyOf } from "../vendor/query-any-of";
import { recordSchemas } from "../vendor/records";
import { containsLike, digitsInOrderLike } from "./like-in-order";
import type { LocatedSet } from "./located-set";
import { nationalDigits, toE164 } from "./phone-numbers";

const contactPhones = ["Phone", "MobilePhone", "HomePhone", "OtherPhone"] as const;
const leadPhones = ["Phone", "MobilePhone"] as const;

interface Hit {
  type: "Contact" | "Lead" | "ContactPointEmail" | "ContactPointPhone" | "Case" | "EmailMessage";
  id: string;
  field: string;
  /** The person the record stands for: its Individual when it has one, else itself. */
  party?: string;
  /** The Individual the org ties the record to, if any: what keeps two holders of one e-mail apart. */
  individual?: string;
  record: Record<string, unknown>;
}

/**
 * The records that carry one of the subject's e-mail addresses or phone numbers: Contacts, Leads,
 * ContactPointEmail/Phone, web-to-case Cases (SuppliedEmail, SuppliedPhone) and EmailMessages (From/To/Cc).
 * One queryAll per object for every identifier searched (`searchTerms`), then each record is put
 * down to each identifier it holds (`hitsOf`). A match through an identifier that several people
 * of the org carry (a household number) is weak.
 *
 * Returns the Individual of each Contact, Lead and contact point found that has one (by record
 * id, object by object): read with the records, so what hangs from the Individuals needs no
 * second query for it (related-records.ts).
 */
export async function findByIdentifiers(
  ctx: SalesforceContext,
  client: SalesforceClient,
  identifiers: Identifier[],
  found: LocatedSet,
  known: readonly Identifier[] = [],
): Promise<Map<string, string>> {
  // Searched: `identifiers`. The subject: those and what earlier rounds searched with (`known`),
  // which still corroborate a phone match and are not reported as discovered.
  const subject = [...identifiers, ...known];
  const emails = subject.filter((identifier) => identifier.kind === "email").map((identifier) => identifier.value.toLowerCase());
  const emailParties = new Set<string>();
  const searched = await searchedRecords(ctx, client, identifiers);
  const hitsPerIdentifier = hitsOf(ctx, identifiers, searched);
  for (const { identifier, hits } of hitsPerIdentifier) {
    if (identifier.kind === "email") for (const hit of hits) if (hit.party) emailParties.add(hit.party);
  }
  for (const { identifier, hits } of hitsPerIdentifier) {
    // A phone number: each party holding it is a person. An e-mail address is one mailbox (SOQL
    // `=` already ignores case): a Contact and a Lead holding it in any spelling are one person,
    // unless the org keeps them apart as two Individuals (peopleHolding).
    const people =
      identifier.kind === "email"
        ? peopleHolding("email", hits.map((hit) => hit.individual))
        : new Set(hits.filter((hit) => hit.party !== undefined).map((hit) => hit.party)).size;
    for (const hit of hits) {
      const reasons: string[] = [];
      if (people > 1) reasons.push(`shared: ${people} people in this org have this ${identifier.kind}`);
      // Numbers are shared in households and reassigned: a record found by phone alone whose
      // person is not the one the subject's e-mail found is someone else until a reviewer says
      // otherwise. (Once the subject is erased, the household's number is no longer shared.)
      if (identifier.kind === "phone" && emails.length > 0 && !(hit.party && emailParties.has(hit.party)) && !emails.includes((stringOf(hit.record.Email ?? hit.record.SuppliedEmail) ?? "").toLowerCase())) {
        reasons.push("uncorroborated: matched by phone only, and not the person the subject's e-mail address found");
      }
      const match: IdentifierMatch = {
        identifier,
        strength: reasons.length > 0 ? "weak" : "strong",
        field: `${hit.type}.${hit.field}`,
        ...(reasons.length > 0 ? { reason: reasons.join("; ") } : {}),
      };
      const mentionIn = mentionFieldsOf(hit, emails);
      found.add(
        { type: hit.type, id: hit.id },
        [match],
        mentionIn ? `${hit.type} of someone else naming the subject's ${identifier.kind}` : `${hit.type} with the subject's ${identifier.kind}`,
        discoveredOn(ctx, hit, subject),
        mentionIn,
      );
    }
  }
  return individualsOf(searched, hitsPerIdentifier);
}

/** The Individual of each record found that has one, in the order the objects were searched. */
function individualsOf(searched: readonly { type: SearchedObject; records: Record<string, unknown>[] }[], hitsPerIdentifier: readonly { hits: readonly Hit[] }[]): Map<string, string> {
  const hitIds = new Set(hitsPerIdentifier.flatMap(({ hits }) => hits.map((hit) => hit.id)));
  const individuals = new Map<string, string>();
  for (const { type, records } of searched) {
    const field = searchedObjects[type].individual;
    if (field === undefined) continue;
    for (const record of records) {
      const id = String(record.Id);
      const individual = stringOf(record[field]);
      if (individual && hitIds.has(id) && !individuals.has(id)) individuals.set(id, individual);
    }
  }
  return individuals;
}

/**
 * Whether a hit is someone else's record that only names the subject, and in which fields: a Case
 * filed under another Contact with the subject's SuppliedEmail/SuppliedPhone, or an e-mail the
 * subject did not send that has them in Cc, or in To beside other recipients. Undefined for the
 * subject's own records (a person record, a web-to-case Case with no Contact, an e-mail they sent
 * or that was written to them alone).
 */
function mentionFieldsOf(hit: Hit, emails: readonly string[]): string[] | undefined {
  if (hit.type === "Case") {
    if (!stringOf(hit.record.ContactId)) return undefined;
    // The field the subject's identifier is in, and the name typed beside it (the subject's too).
    return stringOf(hit.record.SuppliedName) ? [hit.field, "SuppliedName"] : [hit.field];
  }
  if (hit.type !== "EmailMessage") return undefined;
  const isSubjects = (address: string) => emails.includes(address);
  if (addresses(stringOf(hit.record.FromAddress)).some(isSubjects)) return undefined;
  const to = addresses(stringOf(hit.record.ToAddress));
  const fields = (["ToAddress", "CcAddress", "BccAddress"] as const).filter((name) => addresses(stringOf(hit.record[name])).some(isSubjects));
  const writtenToThemAlone = to.length > 0 && to.every(isSubjects);
  return writtenToThemAlone || fields.length === 0 ? undefined : fields;
}

/** Where each object holds an e-mail address or a phone number, and whom a record of it stands for. */
const searchedObjects = {
  Contact: { select: "Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId", emailFields: ["Email"], phoneFields: contactPhones, individual: "IndividualId", route: "locate.contacts" },
  Lead: { select: "Id, Email, Phone, MobilePhone, IndividualId", emailFields: ["Email"], phoneFields: leadPhones, individual: "IndividualId", route: "locate.leads" },
  ContactPointEmail: { select: "Id, ParentId, EmailAddress", emailFields: ["EmailAddress"], phoneFields: [], individual: "ParentId", route: "locate.contact-point-emails" },
  ContactPointPhone: { select: "Id, ParentId, TelephoneNumber", emailFields: [], phoneFields: ["TelephoneNumber"], individual: "ParentId", route: "locate.contact-point-phones" },
  // A web-to-case Case stands for no one in particular: it joins no party.
  Case: { select: "Id, ContactId, SuppliedEmail, SuppliedPhone, SuppliedName", emailFields: ["SuppliedEmail"], phoneFields: ["SuppliedPhone"], individual: undefined, route: "locate.web-cases" },
  // Address fields hold `a@x; b@y`: a LIKE narrows, then each address is compared whole.
  EmailMessage: { select: "Id, ParentId, FromAddress, ToAddress, CcAddress, BccAddress", emailFields: ["FromAddress", "ToAddress", "CcAddress", "BccAddress"], phoneFields: [], individual: undefined, route: "locate.email-messages" },
} as const;

type SearchedObject = keyof typeof searchedObjects;
type ObjectSpec = (typeof searchedObjects)[SearchedObject];

/** An identifier as searched: an e-mail address as given, a phone number in E.164 with its digits pattern. */
type Term = { kind: "email"; identifier: Identifier; email: string } | { kind: "phone"; identifier: Identifier; e164: string; digits: string; pattern: string };

/**
 * E-mail addresses through SOQL `=` (case-insensitive, exact) on escaped literals, and LIKE on
 * EmailMessage's address lists. Phone numbers are stored as typed (`(977) 625-2661`), so neither
 * `=` nor SOSL can be trusted: SOSL does not search the Recycle Bin, lags behind writes
 * (vendor-apis.md §1.9 trap 7) and does not cover Case.SuppliedPhone (a text field). So they are
 * read with a LIKE on the national digits in order with anything between them, which every way of
 * typing the number matches; `hitsOf` then compares both sides in E.164, which drops the near
 * misses the LIKE lets through (the same digits in another country, a longer number containing
 * them). Every identifier's conditions on an object are ORed into one queryAll of that object
 * (`queryAnyOf`); an object is read only if some identifier can sit in it.
 */
async function searchedRecords(ctx: SalesforceContext, client: SalesforceClient, identifiers: readonly Identifier[]): Promise<{ type: SearchedObject; records: Record<string, unknown>[] }[]> {
  const terms = searchTerms(identifiers);
  const results: { type: SearchedObject; records: Record<string, unknown>[] }[] = [];
  for (const [type, spec] of Object.entries(searchedObjects) as [SearchedObject, ObjectSpec][]) {
    const alternatives = terms.flatMap((term) => conditionsOn(type, spec, term));
    if (alternatives.length === 0) continue;
    const records: Record<string, unknown>[] = await queryAnyOf(client, `SELECT ${spec.select} FROM ${type}`, alternatives, recordSchemas[type], { route: spec.route, recordType: type, signal: ctx.signal });
    results.push({ type, records });
  }
  return results;
}

function searchTerms(identifiers: readonly Identifier[]): Term[] {
  return identifiers.flatMap((identifier): Term[] => {
    if (identifier.kind === "email") return [{ kind: "email", identifier, email: identifier.value }];
    if (identifier.kind !== "phone") return [];
    const digits = nationalDigits(identifier.value);
    return digits ? [{ kind: "phone", identifier, e164: identifier.value, digits, pattern: soqlDigitsInOrder(digits) }] : [];
  });
}

/** One identifier's conditions on one object, ORed (none if it cannot sit there). */
function conditionsOn(type: SearchedObject, spec: ObjectSpec, term: Term): string[] {
  const fields: readonly string[] = term.kind === "email" ? spec.emailFields : spec.phoneFields;
  if (fields.length === 0) return [];
  if (term.kind === "phone") return [fields.map((field) => `${field} LIKE ${term.pattern}`).join(" OR ")];
  const literal = soqlString(term.email);
  if (type !== "EmailMessage") return [fields.map((field) => `${field} = ${literal}`).join(" OR ")];
  const like = soqlContains(term.email);
  return [`FromAddress = ${literal} OR ToAddress LIKE ${like} OR CcAddress LIKE ${like} OR BccAddress LIKE ${like}`];
}

/** Whether `conditionsOn(type, spec, term)` selects the record (see like-in-order.ts). */
function selects(type: SearchedObject, spec: ObjectSpec, term: Term, record: Record<string, unknown>): boolean {
  const text = (field: string) => stringOf(record[field]);
  if (term.kind === "phone") return spec.phoneFields.some((field) => digitsInOrderLike(text(field), term.digits));
  const email = term.email.toLowerCase();
  if (type !== "EmailMessage") return spec.emailFields.some((field) => text(field)?.toLowerCase() === email);
  return text("FromAddress")?.toLowerCase() === email || (["ToAddress", "CcAddress", "BccAddress"] as const).some((field) => containsLike(text(field), term.email));
}

/**
 * Each searched identifier with the records holding it, object by object in `searchedObjects`
 * order: an e-mail address equal (ignoring case) to the field, or a whole address of an
 * EmailMessage list; a phone number equal in E.164 to the field's text read in the org's default
 * region — among the records this identifier's own conditions select. A record is put down
 * under the first of its fields holding the identifier.
 */
function hitsOf(ctx: SalesforceContext, identifiers: readonly Identifier[], searched: readonly { type: SearchedObject; records: Record<string, unknown>[] }[]): { identifier: Identifier; hits: Hit[] }[] {
  const terms = new Map(searchTerms(identifiers).map((term) => [term.identifier, term]));
  const region = ctx.settings.defaultPhoneRegion;
  return identifiers.map((identifier) => {
    const term = terms.get(identifier);
    const hits: Hit[] = [];
    if (!term) return { identifier, hits };
    for (const { type, records } of searched) {
      const spec: ObjectSpec = searchedObjects[type];
      const fields: readonly string[] = term.kind === "email" ? spec.emailFields : spec.phoneFields;
      if (fields.length === 0) continue;
      const email = term.kind === "email" ? term.email.toLowerCase() : "";
      const holds = (text: string | undefined): boolean =>
        term.kind === "phone" ? toE164(text, region) === term.e164 : type === "EmailMessage" ? addresses(text).includes(email) : text?.toLowerCase() === email;
      for (const record of records) {
        if (!selects(type, spec, term, record)) continue;
        const field = fields.find((name) => holds(stringOf(record[name])));
        if (!field) continue;
        const id = String(record.Id);
        const individual = spec.individual === undefined ? undefined : stringOf(record[spec.individual]);
        hits.push({ type, id, field, ...(spec.individual === undefined ? {} : { party: individual ?? id }), ...individualOf(individual), record });
      }
    }
    return { identifier, hits };
  });
}

function discoveredOn(ctx: SalesforceContext, hit: Hit, asked: Identifier[]): Identifier[] {
  const known = new Set(asked.map((identifier) => `${identifier.kind}:${identifier.value.toLowerCase()}`));
  const found: Identifier[] = [];
  const add = (identifier: Identifier | undefined) => {
    if (identifier && !known.has(`${identifier.kind}:${identifier.value.toLowerCase()}`)) {
      known.add(`${identifier.kind}:${identifier.value.toLowerCase()}`);
      found.push(identifier);
    }
  };
  for (const name of ["Email", "EmailAddress", "SuppliedEmail"]) {
    const value = stringOf(hit.record[name]);
    if (value) add({ kind: "email", value: value.toLowerCase() });
  }
  for (const name of ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "TelephoneNumber", "SuppliedPhone"]) {
    const e164 = toE164(stringOf(hit.record[name]), ctx.settings.defaultPhoneRegion);
    if (e164) add({ kind: "phone", value: e164 });
  }
  return found;
}

function addresses(field: string | null | undefined): string[] {
  return (field ?? "").split(/[;,]/).map((address) => address.trim().toLowerCase()).filter((address) => address !== "");
}

function individualOf(id: string | null | undefined): { individual?: string } {
  return id ? { individual: id } : {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
