import { recordKey, type OraclePerson } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { collect, salesforceContext } from "../../test/salesforce-context";
import { eraseRecords } from "../erase/erase-records";
import { locate } from "../locate/locate";
import { mentionedSubject } from "../sandbox/world/seed-world";
import { readBack } from "./read-back";

/*
 * `readBack`: every located record read by id, before and after erasure, with the Recycle Bin
 * counted as present (restorable), and the redacted mentions read with the subject's identifiers.
 */

const { sandbox, oracle } = sandboxPerFile();

async function subject(): Promise<OraclePerson> {
  const found = (await oracle().people()).filter((person) => person.role === "subject")[mentionedSubject];
  if (!found) throw new Error("no subject");
  return found;
}

describe("readBack", () => {
  it("answers once per ref, in order: present before erasure, absent after it, for every type located", async () => {
    const person = await subject();
    const ctx = salesforceContext(sandbox());
    // The subject's own records (not the household member's, which the shared phone number finds weakly).
    const held = await oracle().records(person.id);
    const theirs = new Set(held.map((record) => recordKey(record.ref)));
    const own = (await collect(locate(ctx, { identifiers: person.identifiers }))).filter((record) => record.relation === undefined && theirs.has(recordKey(record.ref)));
    const refs = own.map((record) => record.ref);
    expect(new Set(refs.map((ref) => ref.type))).toEqual(new Set(["Contact", "Individual", "ContactPointEmail", "ContactPointPhone", "ContactPointTypeConsent", "Case", "CaseComment", "EmailMessage", "Task", "Event", "CampaignMember", "ContentDocument"]));

    const before = await collect(readBack(ctx, refs));
    expect(before.map((presence) => recordKey(presence.ref))).toEqual(refs.map(recordKey));
    // Records in the Recycle Bin (the seeded deleted Task) are present — they can still be restored — and say so.
    const binned = before.filter((presence) => presence.detail?.includes("Recycle Bin")).map((presence) => recordKey(presence.ref));
    const inBin = new Set(held.filter((record) => record.store === "recycle-bin").map((record) => recordKey(record.ref)));
    expect(binned.length).toBeGreaterThan(0);
    expect(binned.sort()).toEqual(refs.map(recordKey).filter((key) => inBin.has(key)).sort());
    expect(before.every((presence) => presence.present && presence.mentionsSubject === undefined)).toBe(true);

    await collect(eraseRecords(ctx, refs, { action: "erase" }));
    const after = await collect(readBack(ctx, refs));
    expect(after.map((presence) => recordKey(presence.ref))).toEqual(refs.map(recordKey));
    expect(after.filter((presence) => presence.present)).toEqual([]);
    expect(await oracle().records(person.id)).toEqual([]);
  });

  it("counts a record left in the Recycle Bin (no hard-delete permission) as present and restorable", async () => {
    const person = await subject();
    const ctx = salesforceContext(sandbox());
    const tasks = (await collect(locate(ctx, { identifiers: person.identifiers }))).filter((record) => record.ref.type === "Task").slice(0, 3);
    await fetch(`${sandbox().url}/__sandbox/bulk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hardDeletePermission: false }) });
    const receipts = await collect(eraseRecords(ctx, tasks.map((record) => record.ref), { action: "erase" }));
    expect(receipts.every((receipt) => receipt.outcome === "pending")).toBe(true);
    const presences = await collect(readBack(ctx, tasks.map((record) => record.ref)));
    expect(presences).toHaveLength(3);
    for (const presence of presences) {
      expect(presence.present).toBe(true);
      expect(presence.detail).toMatch(/Recycle Bin: it can still be restored/);
    }
  });

  it("tells whether another person's record still mentions the subject: yes before redaction, no after, and the record stays", async () => {
    const person = await subject();
    const ctx = salesforceContext(sandbox());
    const mentions = (await collect(locate(ctx, { identifiers: person.identifiers }))).filter((record) => record.relation === "mentions");
    const refs = mentions.map((record) => record.ref);
    expect(refs.map((ref) => ref.type)).toContain("CaseComment");

    const before = await collect(readBack(ctx, refs, { identifiers: person.identifiers }));
    expect(before.every((presence) => presence.present && presence.mentionsSubject === true)).toBe(true);

    const receipts = await collect(eraseRecords(ctx, refs, { action: "redact", scope: "personal-data", identifiers: person.identifiers }));
    const after = await collect(readBack(ctx, refs, { identifiers: person.identifiers }));
    expect(after.map((presence) => recordKey(presence.ref))).toEqual(refs.map(recordKey));
    for (const presence of after) {
      const receipt = receipts.find((r) => recordKey(r.ref) === recordKey(presence.ref));
      expect(presence.present).toBe(true);
      // The sent e-mail Salesforce will not update is retained and, truthfully, still mentions them.
      expect(presence.mentionsSubject, recordKey(presence.ref)).toBe(receipt?.outcome === "retained");
    }
    expect(after.filter((presence) => presence.mentionsSubject === false).length).toBe(4);
  });

  it("finds the subject's phone number as Salesforce stores it, typed in the org's format", async () => {
    const person = await subject();
    const ctx = salesforceContext(sandbox());
    const contact = (await collect(locate(ctx, { identifiers: person.identifiers }))).find((record) => record.ref.type === "Contact");
    if (!contact) throw new Error("no contact");
    const phoneOnly = person.identifiers.filter((identifier) => identifier.kind === "phone");
    expect(await collect(readBack(ctx, [contact.ref], { identifiers: phoneOnly }))).toMatchObject([{ present: true, mentionsSubject: true }]);
    expect(await collect(readBack(ctx, [contact.ref], { identifiers: [{ kind: "phone", value: "+12025550199" }] }))).toMatchObject([{ present: true, mentionsSubject: false }]);
  });
});
