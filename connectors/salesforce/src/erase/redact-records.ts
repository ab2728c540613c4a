import type { ErasePlan, ErasureReceipt, Identifier } from "@lethe/connector-sdk";
import { z } from "zod";
import { soqlIdList } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import { toE164 } from "../locate/phone-numbers";
import type { SalesforceContext } from "../settings";
import { queryRecords } from "../vendor/read-records";
import type { SalesforceObject } from "../vendor/records";
import { anonymisedValues } from "./deletion-order";
import { redactSubject } from "./free-text-identifiers";

export type RedactPlan = Extract<ErasePlan, { action: "redact" }>;

/**
 * The fields of a record a hold keeps, by what they hold: `links` to a person (cleared when the
 * person is the subject), the party's `identifiers` (cleared when they are the subject's), the
 * party's `names` (cleared with them), address `lists` (the subject's addresses dropped, others
 * kept), and free `text` (the subject's identifiers replaced by markers; under scope
 * `whole-party`, the `authored` ones — what the subject wrote, when the record is theirs — cleared).
 */
interface HeldFields {
  links: string[];
  identifiers: string[];
  names: string[];
  lists: string[];
  text: string[];
  authored: string[];
}

export const heldFields: Partial<Record<SalesforceObject, HeldFields>> = {
  Case: { links: ["ContactId"], identifiers: ["SuppliedEmail", "SuppliedPhone"], names: ["SuppliedName"], lists: [], text: ["Subject", "Description"], authored: ["Description"] },
  CaseComment: { links: [], identifiers: [], names: [], lists: [], text: ["CommentBody"], authored: [] },
  Task: { links: ["WhoId"], identifiers: [], names: [], lists: [], text: ["Subject", "Description"], authored: [] },
  Event: { links: ["WhoId"], identifiers: [], names: [], lists: [], text: ["Subject", "Description"], authored: [] },
  EmailMessage: { links: [], identifiers: ["FromAddress"], names: ["FromName"], lists: ["ToAddress", "CcAddress", "BccAddress"], text: ["Subject", "TextBody", "HtmlBody"], authored: ["TextBody", "HtmlBody"] },
};

/** The person records themselves: kept under a hold, every personal field anonymised. */
export const personObjects = new Set<string>(["Contact", "Lead", "Individual"]);

type Values = Record<string, string | null>;
const row = z.looseObject({ Id: z.string() });

/**
 * Active records of one type a redact plan keeps: read (queryAll, 200 ids a query), changed with
 * one PATCH each carrying only what still holds the subject's data, so a repeat sends nothing.
 */
export async function* redactActive(
  ctx: SalesforceContext,
  client: SalesforceClient,
  type: SalesforceObject,
  ids: string[],
  plan: RedactPlan,
): AsyncGenerator<ErasureReceipt> {
  const fields = heldFields[type];
  const anonymised = anonymisedValues[type] ?? {};
  const names = fields ? [...new Set([...fields.links, ...fields.identifiers, ...fields.names, ...fields.lists, ...fields.text, ...(type === "EmailMessage" ? ["Status"] : [])])] : Object.keys(anonymised);
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await queryRecords(client, `SELECT Id, ${names.join(", ")} FROM ${type} WHERE Id IN ${soqlIdList(ids.slice(i, i + 200))}`, row, { route: `erase.redact.${type}`, recordType: type });
    const subjectPeople = fields ? await peopleOf(client, rows.flatMap((r) => fields.links.map((link) => r[link])), plan.identifiers, ctx.settings.defaultPhoneRegion) : new Set<string>();
    for (const current of rows) {
      const ref = { type, id: current.Id };
      const change = fields ? heldChange(current, fields, subjectPeople, plan, ctx.settings.defaultPhoneRegion) : differing(current, anonymised);
      if (Object.keys(change).length === 0) {
        yield { ref, outcome: "redacted", detail: "Kept; nothing of the subject was left in it" };
        continue;
      }
      if (type === "EmailMessage" && isSent(current.Status)) {
        yield { ref, outcome: "retained", hold: { basis: sentEmailBasis }, detail: `Kept unredacted: Salesforce does not update a sent e-mail; the subject's data remains in ${Object.keys(change).join(", ")}` };
        continue;
      }
      await client.call("sobject.patch", (c) => c.request({ method: "PATCH", url: `/sobjects/${type}/${current.Id}`, body: JSON.stringify(change), headers: { "content-type": "application/json" } }));
      const what = fields ? describe(change) : `personal fields anonymised (${Object.keys(change).join(", ")})`;
      yield { ref, outcome: "redacted", detail: `Kept; ${what}` };
    }
  }
}

/** The vendor's reason a sent e-mail keeps the subject's data (Salesforce object reference, EmailMessage). */
export const sentEmailBasis = "Salesforce updates an EmailMessage only while it is a draft: a sent e-mail's addresses, subject and body cannot be changed through the API";

/** A Status set and other than Draft (`5`): the message was sent or received. */
function isSent(status: unknown): boolean {
  return typeof status === "string" && status !== "" && status !== "5";
}

function heldChange(current: Record<string, unknown>, fields: HeldFields, subjectPeople: Set<string>, plan: RedactPlan, region: string): Values {
  const change: Values = {};
  const emails = new Set(plan.identifiers.filter((i) => i.kind === "email").map((i) => i.value.toLowerCase()));
  const isSubjects = (value: string) => emails.has(value.trim().toLowerCase()) || isSubjectPhone(value, plan.identifiers, region);
  let party = false;
  for (const link of fields.links) {
    const value = current[link];
    if (typeof value === "string" && subjectPeople.has(value.slice(0, 15))) {
      change[link] = null;
      party = true;
    }
  }
  for (const name of fields.identifiers) {
    const value = current[name];
    if (typeof value === "string" && isSubjects(value)) {
      change[name] = null;
      party = true;
    }
  }
  for (const name of fields.names) if (party && typeof current[name] === "string" && current[name] !== "") change[name] = null;
  for (const name of fields.lists) {
    const value = current[name];
    if (typeof value !== "string") continue;
    const addresses = value.split(";").map((address) => address.trim()).filter(Boolean);
    const kept = addresses.filter((address) => !isSubjects(address));
    if (kept.length !== addresses.length) change[name] = kept.length > 0 ? kept.join("; ") : null;
  }
  for (const name of fields.text) {
    const value = current[name];
    if (typeof value !== "string" || value === "") continue;
    if (plan.scope === "whole-party" && party && fields.authored.includes(name)) {
      change[name] = null;
      continue;
    }
    const redacted = redactSubject(value, plan.identifiers, region);
    if (redacted !== value) change[name] = redacted;
  }
  return change;
}

function differing(current: Record<string, unknown>, wanted: Values): Values {
  return Object.fromEntries(Object.entries(wanted).filter(([name, value]) => (current[name] ?? null) !== value));
}

function isSubjectPhone(value: string, identifiers: readonly Identifier[], region: string): boolean {
  const e164 = toE164(value, region);
  return e164 !== undefined && identifiers.some((i) => i.kind === "phone" && i.value === e164);
}

/**
 * Which of the Contacts and Leads a held record links to are the subject: those whose e-mail or
 * phone fields hold one of the plan's identifiers (queryAll, so people in the Recycle Bin count).
 * Ids are compared by their first 15 characters (the case-sensitive id).
 */
async function peopleOf(client: SalesforceClient, links: unknown[], identifiers: readonly Identifier[], region: string): Promise<Set<string>> {
  const ids = [...new Set(links.filter((link): link is string => typeof link === "string" && link !== ""))];
  const subject = new Set<string>();
  const emails = new Set(identifiers.filter((i) => i.kind === "email").map((i) => i.value.toLowerCase()));
  const people = [
    { type: "Contact", prefix: "003", fields: ["Email", "Phone", "MobilePhone", "HomePhone", "OtherPhone"] },
    { type: "Lead", prefix: "00Q", fields: ["Email", "Phone", "MobilePhone"] },
  ];
  for (const { type, prefix, fields } of people) {
    const wanted = ids.filter((id) => id.startsWith(prefix));
    for (let i = 0; i < wanted.length; i += 200) {
      const rows = await queryRecords(client, `SELECT Id, ${fields.join(", ")} FROM ${type} WHERE Id IN ${soqlIdList(wanted.slice(i, i + 200))}`, row, { route: `erase.redact.people.${type}`, recordType: type });
      for (const person of rows) {
        const values = fields.map((field) => person[field]).filter((value): value is string => typeof value === "string" && value !== "");
        if (values.some((value) => emails.has(value.toLowerCase()) || isSubjectPhone(value, identifiers, region))) subject.add(person.Id.slice(0, 15));
      }
    }
  }
  return subject;
}

function describe(change: Values): string {
  const cleared = Object.entries(change).filter(([, value]) => value === null).map(([name]) => name);
  const rewritten = Object.entries(change).filter(([, value]) => value !== null).map(([name]) => name);
  return [cleared.length > 0 ? `cleared ${cleared.join(", ")}` : "", rewritten.length > 0 ? `the subject's identifiers redacted in ${rewritten.join(", ")}` : ""].filter(Boolean).join("; ");
}
