import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { ErasePlan, LocatedRecord, OraclePerson, RecordRef } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { api, collect, rawSession, salesforceContext, soql } from "../../test/salesforce-context";
import { locate } from "../locate/locate";
import { eraseRecords } from "./erase-records";
import { redactSpans } from "./redact-spans";

/*
 * A redact plan (records a legal hold keeps with `redactNonEssential`, e.g. a Case under a dispute
 * hold) against the sandbox: the records stay (queryAll finds them, not deleted), no field holds
 * the subject's e-mail or phone any more, bystanders' addresses in the same records stay, and a
 * second run sends no PATCH.
 */

const { sandbox, oracle } = sandboxPerFile();

// The subject's own records (held ones here); other people's that mention them have their own test (mention-redaction.test.ts).
const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong") && record.relation !== "mentions";
const emailOf = (person: OraclePerson) => person.identifiers.find((i) => i.kind === "email")?.value ?? "";
const phoneOf = (person: OraclePerson) => person.identifiers.find((i) => i.kind === "phone")?.value ?? "";

async function subjectAt(index: number) {
  const people = await oracle().people();
  const subject = people.filter((person) => person.role === "subject")[index];
  if (!subject) throw new Error("no subject");
  const located = await collect(locate(salesforceContext(sandbox()), { identifiers: subject.identifiers }));
  return { people, subject, located, bystanders: people.filter((person) => person.bystanderOf === subject.id) };
}

async function read(ref: RecordRef): Promise<Record<string, unknown> | undefined> {
  const session = await rawSession(sandbox());
  const fields: Record<string, string> = {
    Case: "ContactId, SuppliedName, SuppliedEmail, SuppliedPhone, Subject, Description",
    Task: "WhoId, Subject, Description",
    Event: "WhoId, Subject, Description",
    EmailMessage: "FromAddress, FromName, ToAddress, CcAddress, Subject, TextBody",
    Contact: "FirstName, LastName, Email, Phone, MobilePhone, HomePhone, OtherPhone, MailingCity",
  };
  const response = await session.get(soql("queryAll", `SELECT Id, IsDeleted, ${fields[ref.type] ?? ""} FROM ${ref.type} WHERE Id = '${ref.id}'`));
  const body = (await response.json()) as { records: Record<string, unknown>[] };
  return body.records[0];
}

/** The subject's address (any case) or phone number (its national digits, however typed) in a record. */
function traces(record: Record<string, unknown> | undefined, subject: OraclePerson): string[] {
  const found: string[] = [];
  const national = parsePhoneNumberFromString(phoneOf(subject))?.nationalNumber ?? "\u0000";
  for (const [field, value] of Object.entries(record ?? {})) {
    if (typeof value !== "string") continue;
    if (value.toLowerCase().includes(emailOf(subject))) found.push(`${field}: e-mail`);
    if (value.replace(/\D/g, "").includes(national)) found.push(`${field}: phone`);
  }
  return found;
}

async function patchCount(): Promise<number> {
  const { calls } = await oracle().stats();
  return Object.entries(calls).filter(([label]) => label.startsWith("PATCH") && label.includes("sobjects")).reduce((sum, [, n]) => sum + n, 0);
}

describe("erase with a redact plan", () => {
  it("keeps held Cases, e-mails and activities without the subject's identifiers, bystanders' addresses in them untouched, and a second run sends nothing", async () => {
    const { subject, located, bystanders } = await subjectAt(0);
    const held = located.filter((r) => strong(r) && ["Case", "EmailMessage", "Event"].includes(r.ref.type)).map((r) => r.ref);
    const tasks = located.filter((r) => strong(r) && r.ref.type === "Task").map((r) => r.ref).slice(0, 3);
    const refs = [...held, ...tasks];
    expect(new Set(refs.map((ref) => ref.type))).toEqual(new Set(["Case", "EmailMessage", "Event", "Task"]));
    // A held Case whose description names the subject, by address and by a typed phone number, beside a bystander.
    const bystanderEmail = bystanders.flatMap((b) => b.identifiers).find((i) => i.kind === "email")?.value ?? "";
    const kase = held.find((ref) => ref.type === "Case");
    if (!kase || !bystanderEmail) throw new Error("no case or bystander");
    const national = parsePhoneNumberFromString(phoneOf(subject))?.formatNational() ?? "";
    const description = `Dispute: ${emailOf(subject).toUpperCase()} called from ${national}; copy ${bystanderEmail} on replies.`;
    const session = await rawSession(sandbox());
    const patched = await session.get(`${api}/sobjects/Case/${kase.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ Description: description }) });
    expect(patched.status).toBe(204);
    // And a held e-mail copied to the subject beside the bystander.
    const message = held.find((ref) => ref.type === "EmailMessage");
    if (!message) throw new Error("no e-mail");
    const cc = await session.get(`${api}/sobjects/EmailMessage/${message.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ CcAddress: `${bystanderEmail}; ${emailOf(subject).toUpperCase()}` }) });
    expect(cc.status).toBe(204);
    const before = await Promise.all(refs.map(read));
    expect(before.filter((record) => traces(record, subject).length > 0).length).toBeGreaterThan(1);
    // Activities and Cases hold the subject through a link to their Contact.
    const people = located.filter((r) => r.ref.type === "Contact" || r.ref.type === "Lead").map((r) => r.ref.id.slice(0, 15));
    const links = (record: Record<string, unknown> | undefined) => [record?.WhoId, record?.ContactId].filter((id) => typeof id === "string" && people.includes(id.slice(0, 15)));
    expect(before.filter((record) => links(record).length > 0).length).toBeGreaterThan(3);
    const bystandersBefore = await Promise.all(bystanders.map((b) => oracle().records(b.id)));

    const plan: ErasePlan = { action: "redact", scope: "personal-data", identifiers: subject.identifiers };
    const receipts = await collect(eraseRecords(salesforceContext(sandbox()), refs, plan));
    expect(receipts.map((receipt) => [receipt.ref.id, receipt.outcome]).sort()).toEqual(refs.map((ref) => [ref.id, "redacted"]).sort());

    const after = await Promise.all(refs.map(read));
    for (const [i, record] of after.entries()) {
      expect(record, refs[i]?.type).toMatchObject({ IsDeleted: false });
      expect(traces(record, subject), `${refs[i]?.type} ${refs[i]?.id}`).toEqual([]);
      expect(links(record)).toEqual([]);
    }
    const caseAfter = after[refs.indexOf(kase)];
    expect(caseAfter?.Description).toBe(`Dispute: [REDACTED:email] called from [REDACTED:phone]; copy ${bystanderEmail} on replies.`);
    expect(caseAfter).toMatchObject({ ContactId: null, SuppliedName: null });
    // The support team's own addresses in To/Cc stay; only the subject's are dropped.
    const emails = after.filter((_, i) => refs[i]?.type === "EmailMessage");
    expect(emails.map((e) => e?.FromAddress)).toEqual(before.filter((_, i) => refs[i]?.type === "EmailMessage").map((e) => e?.FromAddress));
    expect(after[refs.indexOf(message)]?.CcAddress).toBe(bystanderEmail);
    for (const [i, record] of before.entries()) {
      if (refs[i]?.type !== "EmailMessage") continue;
      const others = (list: unknown) => (typeof list === "string" ? list.split(";").map((a) => a.trim()).filter((a) => a.toLowerCase() !== emailOf(subject)) : []);
      expect(others(after[i]?.ToAddress)).toEqual(others(record?.ToAddress));
      expect(others(after[i]?.CcAddress)).toEqual(others(record?.CcAddress));
    }
    // Subjects and words around the identifiers are kept.
    for (const [i, record] of after.entries()) expect(record?.Subject).toBe(before[i]?.Subject);
    expect(await Promise.all(bystanders.map((b) => oracle().records(b.id)))).toEqual(bystandersBefore);

    const patches = await patchCount();
    const again = await collect(eraseRecords(salesforceContext(sandbox()), refs, plan));
    expect(again.every((receipt) => receipt.outcome === "redacted" && receipt.detail?.includes("nothing of the subject"))).toBe(true);
    expect(await patchCount()).toBe(patches);
    expect(await Promise.all(refs.map(read))).toEqual(after);
  });

  it("scope whole-party clears what the subject wrote in their own web-to-case Case", async () => {
    const { subject, located } = await subjectAt(1);
    const cases = located.filter((r) => strong(r) && r.ref.type === "Case").map((r) => r.ref);
    const receipts = await collect(eraseRecords(salesforceContext(sandbox()), cases, { action: "redact", scope: "whole-party", identifiers: subject.identifiers }));
    expect(receipts.every((receipt) => receipt.outcome === "redacted")).toBe(true);
    const after = await Promise.all(cases.map(read));
    for (const record of after) {
      expect(record).toMatchObject({ IsDeleted: false, SuppliedEmail: null, SuppliedName: null, Description: null });
      expect(typeof record?.Subject).toBe("string");
      expect(traces(record, subject)).toEqual([]);
    }
  });

  it("anonymises the held Contact, removes contact points, keeps files whole and leaves records in the Recycle Bin as they are", async () => {
    const { subject, located } = await subjectAt(0);
    const pick = (type: string) => located.filter((r) => strong(r) && r.ref.type === type).map((r) => r.ref);
    const contact = pick("Contact");
    const points = pick("ContactPointEmail");
    const files = pick("ContentDocument");
    expect([contact.length, points.length, files.length].every((n) => n > 0)).toBe(true);
    const binned = (await oracle().records(subject.id)).filter((r) => r.store === "recycle-bin" && r.ref.type === "Task").map((r) => r.ref);
    expect(binned.length).toBeGreaterThan(0);
    const refs = [...contact, ...points, ...files, ...binned];
    const receipts = await collect(eraseRecords(salesforceContext(sandbox()), refs, { action: "redact", scope: "personal-data", identifiers: subject.identifiers }));
    const outcome = (ref: RecordRef) => receipts.find((receipt) => receipt.ref.id === ref.id)?.outcome;
    expect(contact.map(outcome)).toEqual(contact.map(() => "redacted"));
    expect(points.every((ref) => ["erased", "pending"].includes(outcome(ref) ?? ""))).toBe(true);
    expect(files.map(outcome)).toEqual(files.map(() => "retained"));
    expect(binned.map(outcome)).toEqual(binned.map(() => "retained"));
    const records = await oracle().records(subject.id);
    const contactRecord = records.find((r) => r.ref.id === contact[0]?.id);
    expect(contactRecord).toMatchObject({ store: "active", anonymised: true });
    expect(traces(await read(contact[0] as RecordRef), subject)).toEqual([]);
    expect(records.filter((r) => points.some((p) => p.id === r.ref.id)).every((r) => r.store === "recycle-bin")).toBe(true);
  });

  it("redact(ctx, ref, spans) replaces text spans of a free-text field with markers, once", async () => {
    const { subject, located } = await subjectAt(0);
    const kase = located.find((r) => strong(r) && r.ref.type === "Case")?.ref;
    if (!kase) throw new Error("no case");
    const text = String((await read(kase))?.Description);
    const start = text.toLowerCase().indexOf(emailOf(subject));
    expect(start).toBeGreaterThanOrEqual(0);
    const spans = [{ kind: "text" as const, field: "Description", start, end: start + emailOf(subject).length, label: "email" }];
    const ctx = salesforceContext(sandbox());
    expect(await redactSpans(ctx, kase, spans)).toMatchObject({ outcome: "redacted" });
    const redacted = String((await read(kase))?.Description);
    expect(redacted).toBe(`${text.slice(0, start)}[REDACTED:email]${text.slice(start + emailOf(subject).length)}`);
    const patches = await patchCount();
    expect(await redactSpans(ctx, kase, spans)).toMatchObject({ outcome: "redacted", detail: "The spans were already redacted" });
    expect(await patchCount()).toBe(patches);
    await expect(redactSpans(ctx, kase, [{ ...spans[0], field: "SuppliedEmail" } as never])).rejects.toBeInstanceOf(TypeError);
  });
});
