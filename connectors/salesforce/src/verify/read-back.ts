import { mentionsAnyOf, VendorContractError, type Identifier, type ReadBackQuery, type RecordPresence, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import { salesforceClient } from "../client/salesforce-client";
import { soqlIdList } from "../client/soql-literal";
import { subjectSpans } from "../erase/free-text-identifiers";
import type { SalesforceContext } from "../settings";
import { queryRecords } from "../vendor/read-records";
import { isSalesforceObject, type SalesforceObject } from "../vendor/records";

/**
 * The fields of each object that can hold a person's e-mail address or phone number: what a
 * read-back with the subject's identifiers looks in (`mentionsSubject`). Objects with none
 * (memberships, consents, the Individual) hold links to a person, never their identifiers.
 */
export const mentionFields: Record<SalesforceObject, readonly string[]> = {
  Contact: ["Email", "Phone", "MobilePhone", "HomePhone", "OtherPhone"],
  Lead: ["Email", "Phone", "MobilePhone"],
  Case: ["SuppliedEmail", "SuppliedPhone", "Subject", "Description"],
  CaseComment: ["CommentBody"],
  Task: ["Subject", "Description"],
  Event: ["Subject", "Description"],
  EmailMessage: ["FromAddress", "ToAddress", "CcAddress", "BccAddress", "Subject", "TextBody", "HtmlBody"],
  CampaignMember: [],
  Individual: [],
  ContactPointEmail: ["EmailAddress"],
  ContactPointPhone: ["TelephoneNumber"],
  ContactPointTypeConsent: [],
  ContentDocument: ["Title"],
};

const row = z.looseObject({ Id: z.string(), IsDeleted: z.boolean() });
const idsPerQuery = 200;

/**
 * `readBack`: each record read by its id with queryAll (never searched: SOSL lags and skips the
 * Recycle Bin), one answer per ref in the order asked.
 *
 * - Not in queryAll: `present: false` — deleted and removed from the Recycle Bin (the connector's
 *   erase hard-deletes, so this is where an erased record ends).
 * - `IsDeleted = true`: `present: true` — in the Recycle Bin, which anyone with access can restore
 *   from (undelete) until Salesforce purges it 15 days after deletion; an erasure whose hardDelete
 *   job has not removed it is not done.
 * - Active (or archived, for activities): `present: true`.
 *
 * With `query.identifiers`, each present record also answers `mentionsSubject`: whether any of the
 * subject's e-mail addresses or phone numbers is still in its `mentionFields` — written out in
 * international form (the SDK's one rule, `mentionsAnyOf`) or as Salesforce stores a phone number,
 * typed in the org's national format (`(977) 625-2661`).
 */
export async function* readBack(ctx: SalesforceContext, refs: RecordRef[], query?: ReadBackQuery): AsyncGenerator<RecordPresence> {
  const client = await salesforceClient(ctx);
  const byType = new Map<SalesforceObject, string[]>();
  for (const ref of refs) {
    if (!isSalesforceObject(ref.type)) throw new VendorContractError(`Cannot read back a record of unknown type ${ref.type}`, { recordType: ref.type, recordId: ref.id });
    byType.set(ref.type, [...new Set([...(byType.get(ref.type) ?? []), ref.id])]);
  }
  const found = new Map<string, Record<string, unknown> & { IsDeleted: boolean }>();
  for (const [type, ids] of byType) {
    const fields = mentionFields[type];
    for (let i = 0; i < ids.length; i += idsPerQuery) {
      ctx.signal.throwIfAborted();
      const select = ["Id", "IsDeleted", ...fields].join(", ");
      const rows = await queryRecords(client, `SELECT ${select} FROM ${type} WHERE Id IN ${soqlIdList(ids.slice(i, i + idsPerQuery))}`, row, { route: `readback.${type}`, recordType: type });
      // Ids compare by their case-sensitive 15 characters: a ref may carry either form.
      for (const record of rows) found.set(`${type}/${record.Id.slice(0, 15)}`, record);
    }
  }
  const identifiers = (query?.identifiers ?? []).filter((identifier) => identifier.kind === "email" || identifier.kind === "phone");
  for (const ref of refs) {
    if (!isSalesforceObject(ref.type)) continue;
    const record = found.get(`${ref.type}/${ref.id.slice(0, 15)}`);
    if (!record) {
      yield { ref, present: false, detail: "queryAll no longer finds it: deleted and removed from the Recycle Bin" };
      continue;
    }
    const presence: RecordPresence = { ref, present: true, detail: placeOf(record) };
    if (query) presence.mentionsSubject = stillMentions(ctx, mentionFields[ref.type].map((field) => record[field]), identifiers);
    yield presence;
  }
}

function placeOf(record: Record<string, unknown> & { IsDeleted: boolean }): string {
  if (record.IsDeleted) return "in the Recycle Bin: it can still be restored (undelete) until Salesforce purges it, 15 days after deletion";
  return "active in the org";
}

function stillMentions(ctx: SalesforceContext, values: unknown[], identifiers: readonly Identifier[]): boolean {
  const texts = values.filter((value): value is string => typeof value === "string" && value !== "");
  if (mentionsAnyOf(texts, identifiers)) return true;
  // Phone numbers as typed in the org's format, and addresses inside `a@x; b@y` lists.
  return texts.some((text) => subjectSpans(text, identifiers, ctx.settings.defaultPhoneRegion).length > 0);
}
