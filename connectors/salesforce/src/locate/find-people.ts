import { peopleHolding, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import { soqlContains, soqlDigitsInOrder, soqlString } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { queryRecords } from "../vendor/read-records";
import { recordSchemas } from "../vendor/records";
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
 * E-mail through SOQL `=` (case-insensitive, exact) with escaped literals; phone numbers through
 * queryAll with a digits LIKE, then E.164 comparison of both sides (see `phoneHits`). A match through an identifier that
 * several people of the org carry (a household number) is weak.
 */
export async function findByIdentifiers(
  ctx: SalesforceContext,
  client: SalesforceClient,
  identifiers: Identifier[],
  found: LocatedSet,
  known: readonly Identifier[] = [],
): Promise<void> {
  // Searched: `identifiers`. The subject: those and what earlier rounds searched with (`known`),
  // which still corroborate a phone match and are not reported as discovered.
  const subject = [...identifiers, ...known];
  const emails = subject.filter((identifier) => identifier.kind === "email").map((identifier) => identifier.value.toLowerCase());
  const emailParties = new Set<string>();
  const hitsPerIdentifier: { identifier: Identifier; hits: Hit[] }[] = [];
  for (const identifier of identifiers) {
    ctx.signal.throwIfAborted();
    const hits = identifier.kind === "email" ? await emailHits(client, identifier.value) : identifier.kind === "phone" ? await phoneHits(ctx, client, identifier.value) : [];
    if (identifier.kind === "email") for (const hit of hits) if (hit.party) emailParties.add(hit.party);
    hitsPerIdentifier.push({ identifier, hits });
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

async function emailHits(client: SalesforceClient, email: string): Promise<Hit[]> {
  const literal = soqlString(email);
  const hits: Hit[] = [];
  const contacts = await queryRecords(client, `SELECT Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId FROM Contact WHERE Email = ${literal}`, recordSchemas.Contact, { route: "locate.contacts", recordType: "Contact" });
  hits.push(...contacts.map((record) => ({ type: "Contact" as const, id: record.Id, field: "Email", party: record.IndividualId ?? record.Id, ...individualOf(record.IndividualId), record })));
  const leads = await queryRecords(client, `SELECT Id, Email, Phone, MobilePhone, IndividualId FROM Lead WHERE Email = ${literal}`, recordSchemas.Lead, { route: "locate.leads", recordType: "Lead" });
  hits.push(...leads.map((record) => ({ type: "Lead" as const, id: record.Id, field: "Email", party: record.IndividualId ?? record.Id, ...individualOf(record.IndividualId), record })));
  const points = await queryRecords(client, `SELECT Id, ParentId, EmailAddress FROM ContactPointEmail WHERE EmailAddress = ${literal}`, recordSchemas.ContactPointEmail, { route: "locate.contact-point-emails", recordType: "ContactPointEmail" });
  hits.push(...points.map((record) => ({ type: "ContactPointEmail" as const, id: record.Id, field: "EmailAddress", party: record.ParentId ?? record.Id, ...individualOf(record.ParentId), record })));
  const cases = await queryRecords(client, `SELECT Id, ContactId, SuppliedEmail, SuppliedPhone, SuppliedName FROM Case WHERE SuppliedEmail = ${literal}`, recordSchemas.Case, { route: "locate.web-cases", recordType: "Case" });
  hits.push(...cases.map((record) => ({ type: "Case" as const, id: record.Id, field: "SuppliedEmail", record })));
  // Address fields hold `a@x; b@y`: LIKE narrows, then each address is compared whole.
  const like = soqlContains(email);
  const messages = await queryRecords(client, `SELECT Id, ParentId, FromAddress, ToAddress, CcAddress, BccAddress FROM EmailMessage WHERE FromAddress = ${literal} OR ToAddress LIKE ${like} OR CcAddress LIKE ${like} OR BccAddress LIKE ${like}`, recordSchemas.EmailMessage, { route: "locate.email-messages", recordType: "EmailMessage" });
  for (const message of messages) {
    const field = (["FromAddress", "ToAddress", "CcAddress", "BccAddress"] as const).find((name) => addresses(message[name]).includes(email.toLowerCase()));
    if (field) hits.push({ type: "EmailMessage", id: message.Id, field, record: message });
  }
  return hits;
}

/** Where a phone number can sit, per object: the phone fields, and web-to-case's free-text SuppliedPhone. */
const phoneFields = {
  Contact: { select: "Id, Email, Phone, MobilePhone, HomePhone, OtherPhone, IndividualId", fields: contactPhones, party: "IndividualId" },
  Lead: { select: "Id, Email, Phone, MobilePhone, IndividualId", fields: leadPhones, party: "IndividualId" },
  ContactPointPhone: { select: "Id, ParentId, TelephoneNumber", fields: ["TelephoneNumber"], party: "ParentId" },
  Case: { select: "Id, ContactId, SuppliedEmail, SuppliedPhone, SuppliedName", fields: ["SuppliedPhone"], party: undefined },
} as const;

/**
 * Phone numbers are stored as typed (`(977) 625-2661`), so neither `=` nor SOSL can be trusted:
 * SOSL does not search the Recycle Bin, lags behind writes (vendor-apis.md §1.9 trap 7) and does
 * not cover Case.SuppliedPhone (a text field). So each object is read with queryAll and a LIKE on
 * the national digits in order with anything between them, which every way of typing the number
 * matches; both sides are then compared in E.164, which drops the near misses the LIKE lets
 * through (the same digits in another country, a longer number containing them).
 */
async function phoneHits(ctx: SalesforceContext, client: SalesforceClient, e164: string): Promise<Hit[]> {
  const digits = nationalDigits(e164);
  if (!digits) return [];
  const pattern = soqlDigitsInOrder(digits);
  const region = ctx.settings.defaultPhoneRegion;
  const hits: Hit[] = [];
  for (const [type, spec] of Object.entries(phoneFields) as [keyof typeof phoneFields, (typeof phoneFields)[keyof typeof phoneFields]][]) {
    ctx.signal.throwIfAborted();
    const where = spec.fields.map((field) => `${field} LIKE ${pattern}`).join(" OR ");
    const records: Record<string, unknown>[] = await queryRecords(client, `SELECT ${spec.select} FROM ${type} WHERE ${where}`, recordSchemas[type], { route: `locate.phones.${type}`, recordType: type });
    for (const record of records) {
      const field = spec.fields.find((name) => toE164(stringOf(record[name]), region) === e164);
      if (!field) continue;
      const id = String(record.Id);
      // A web-to-case Case stands for no one in particular: it joins no party.
      const party = spec.party === undefined ? undefined : (stringOf(record[spec.party]) ?? id);
      hits.push({ type, id, field, ...(party === undefined ? {} : { party }), record });
    }
  }
  return hits;
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
