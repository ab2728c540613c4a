import type { Identifier, OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { sameDigitsInTheUk } from "@lethe/sandbox-kit";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../test/sandbox-per-file";
import { collect, rawSession, salesforceContext, soql } from "../test/salesforce-context";
import { eraseRecords } from "./erase/erase-records";
import { locate } from "./locate/locate";
import { defaultSearchIndexLagMs } from "./sandbox/sandbox-state";
import { phoneOnlySubject } from "./sandbox/world/seed-world";

/*
 * Phone numbers where SOSL does not look: Case.SuppliedPhone (a text field), the Recycle Bin, and
 * records written too recently for the search index.
 */

const { sandbox, oracle } = sandboxPerFile();

async function phoneOnlyWorld(): Promise<{ subject: OraclePerson; phone: Identifier; people: OraclePerson[]; ukBystander: OraclePerson }> {
  const people = await oracle().people();
  const subject = people.filter((person) => person.role === "subject")[phoneOnlySubject];
  const phone = subject?.identifiers.find((identifier) => identifier.kind === "phone");
  const sameDigits = phone ? sameDigitsInTheUk(phone.value) : undefined;
  const ukBystander = people.find((person) => person.bystanderOf === subject?.id && person.identifiers.some((identifier) => identifier.kind === "phone" && identifier.value === sameDigits));
  if (!subject || !phone || !ukBystander) throw new Error("the seeded world lacks the phone-only subject or their UK bystander");
  return { subject, phone, people, ukBystander };
}

const phoneOnlyCase = (records: OracleRecord[]) =>
  records.find((record) => record.ref.type === "Case" && record.personalData.SuppliedPhone !== undefined && record.personalData.ContactId === undefined && record.personalData.SuppliedEmail === undefined);

describe("locating by phone", () => {
  it("finds a web-to-case Case by its free-text SuppliedPhone, and not the bystander's case with the same digits behind +44", async () => {
    const { subject, phone, ukBystander } = await phoneOnlyWorld();
    const subjectCase = phoneOnlyCase(await oracle().records(subject.id));
    const bystanderCase = phoneOnlyCase(await oracle().records(ukBystander.id));
    if (!subjectCase || !bystanderCase) throw new Error("no phone-only cases seeded");
    // Stored as typed, not in E.164: only normalising both sides finds it.
    expect(subjectCase.personalData.SuppliedPhone).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    expect(String(bystanderCase.personalData.SuppliedPhone).replace(/\D/g, "")).toContain(phone.value.replace(/\D/g, "").slice(1));

    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: [phone] }));
    const found = located.find((record) => record.ref.id === subjectCase.ref.id);
    expect(found?.matchedBy).toEqual([expect.objectContaining({ identifier: phone, field: "Case.SuppliedPhone" })]);
    expect(located.some((record) => record.ref.id === bystanderCase.ref.id)).toBe(false);
  });

  it("finds a record matched only by phone in the Recycle Bin, and erasing it purges it (queryAll finds nothing), bystanders untouched", async () => {
    const { subject, phone, people } = await phoneOnlyWorld();
    const binLead = (await oracle().records(subject.id)).find((record) => record.ref.type === "Lead" && record.store === "recycle-bin");
    if (!binLead) throw new Error("no phone-only Lead in the Recycle Bin");
    expect(binLead.personalData.Email).toBeUndefined();
    const session = await rawSession(sandbox());
    // SOSL never searches the Recycle Bin: the number's search does not return the Lead.
    const digits = phone.value.slice(2);
    const search = (await (await session.get(`/services/data/v62.0/search?q=${encodeURIComponent(`FIND {${digits}} IN PHONE FIELDS RETURNING Lead(Id)`)}`)).json()) as { searchRecords: { Id: string }[] };
    expect(search.searchRecords.map((record) => record.Id)).not.toContain(binLead.ref.id);

    const bystanders = people.filter((person) => person.role === "bystander");
    const before = await Promise.all(bystanders.map((person) => oracle().records(person.id)));
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: [phone] }));
    const found = located.find((record) => record.ref.id === binLead.ref.id);
    expect(found?.matchedBy).toEqual([expect.objectContaining({ identifier: phone, field: "Lead.Phone" })]);

    // A reviewer approved the phone-only matches (a household shares the number, so they are weak).
    const subjectCase = phoneOnlyCase(await oracle().records(subject.id));
    const refs = [binLead.ref, ...(subjectCase ? [subjectCase.ref] : [])];
    expect(refs).toHaveLength(2);
    expect(located.map((record) => record.ref.id)).toEqual(expect.arrayContaining(refs.map((ref) => ref.id)));
    const receipts = await collect(eraseRecords(salesforceContext(sandbox()), refs, { action: "erase" }));
    expect(receipts.map((receipt) => receipt.outcome)).toEqual(["erased", "erased"]);

    for (const ref of refs) {
      const all = (await (await session.get(soql("queryAll", `SELECT Id FROM ${ref.type} WHERE Id = '${ref.id}'`))).json()) as { totalSize: number };
      expect(all.totalSize).toBe(0);
    }
    const remaining = await oracle().records(subject.id);
    expect(remaining.filter((record) => refs.some((ref) => ref.id === record.ref.id))).toEqual([]);
    const stats = (await (await fetch(`${sandbox().url}/__sandbox/stats`)).json()) as { deletions: Record<string, number> };
    for (const ref of refs) expect(stats.deletions[`${ref.type}/${ref.id}`]).toBe(1);
    expect(await Promise.all(bystanders.map((person) => oracle().records(person.id)))).toEqual(before);
  });
});

describe("a record created a moment ago", () => {
  it("is located by phone and by e-mail although SOSL does not see it yet", async () => {
    const held = new Set((await oracle().people()).flatMap((person) => person.identifiers.map((identifier) => identifier.value)));
    const e164 = ["+12025550147", "+12025550148", "+12025550149"].find((candidate) => !held.has(candidate));
    if (!e164) throw new Error("every candidate number is seeded");
    const email = "fresh.caller@example.com";
    const session = await rawSession(sandbox());
    const created = await session.get("/services/data/v62.0/sobjects/Contact", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ LastName: "Caller", Email: email, MobilePhone: `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}` }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const search = async () =>
      ((await (await session.get(`/services/data/v62.0/search?q=${encodeURIComponent(`FIND {${e164.slice(2)}} IN PHONE FIELDS RETURNING Contact(Id)`)}`)).json()) as { searchRecords: { Id: string }[] }).searchRecords.map((record) => record.Id);
    expect(await search()).toEqual([]);

    const byPhone = await collect(locate(salesforceContext(sandbox()), { identifiers: [{ kind: "phone", value: e164 }] }));
    expect(byPhone.map((record) => record.ref)).toEqual([{ type: "Contact", id }]);
    expect(byPhone[0]?.matchedBy).toEqual([expect.objectContaining({ strength: "strong", field: "Contact.MobilePhone" })]);
    const byEmail = await collect(locate(salesforceContext(sandbox()), { identifiers: [{ kind: "email", value: email }] }));
    expect(byEmail.map((record) => record.ref)).toEqual([{ type: "Contact", id }]);

    // Once the index has caught up, search finds it too: the lag was what hid it.
    await oracle().moveClock({ advanceMs: defaultSearchIndexLagMs });
    expect(await search()).toEqual([id]);
  });
});

