import type { LocatedRecord, OraclePerson, RecordRef } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { api, collect, rawSession, salesforceContext, soql } from "../../test/salesforce-context";
import { locate } from "../locate/locate";
import { mentionedSubject } from "../sandbox/world/seed-world";
import { eraseRecords } from "./erase-records";
import { sentEmailBasis } from "./redact-records";

/*
 * Other people's records that mention the subject (the seeded colleague's Case, Task, two
 * e-mails with the subject in Cc and an agent's comment on the Case quoting their address; a
 * bystander's Case filed with the subject's SuppliedEmail):
 * located as mentions, redacted through a redact plan, read back from the sandbox.
 */

const { sandbox, oracle } = sandboxPerFile();

const emailOf = (person: OraclePerson) => person.identifiers.find((i) => i.kind === "email")?.value ?? "";

async function read(ref: RecordRef): Promise<Record<string, unknown> | undefined> {
  const session = await rawSession(sandbox());
  const fields: Record<string, string> = {
    Case: "ContactId, SuppliedName, SuppliedEmail, Subject, Description, Status",
    Task: "WhoId, Subject, Description",
    EmailMessage: "Status, FromAddress, ToAddress, CcAddress, Subject, TextBody",
    CaseComment: "ParentId, IsPublished, CommentBody",
  };
  const response = await session.get(soql("queryAll", `SELECT Id, IsDeleted, ${fields[ref.type] ?? ""} FROM ${ref.type} WHERE Id = '${ref.id}'`));
  return ((await response.json()) as { records: Record<string, unknown>[] }).records[0];
}

async function subject(): Promise<OraclePerson> {
  const found = (await oracle().people()).filter((person) => person.role === "subject")[mentionedSubject];
  if (!found) throw new Error("no subject");
  return found;
}

describe("another person's record that mentions the subject", () => {
  it("is located as a mention of the fields holding the address; the subject's own records are not", async () => {
    const person = await subject();
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: person.identifiers }));
    const mentions = located.filter((record) => record.relation === "mentions");
    expect(mentions.map((record) => [record.ref.type, record.mentionFields]).sort()).toEqual([
      ["Case", ["Description"]],
      ["CaseComment", ["CommentBody"]],
      ["EmailMessage", ["CcAddress"]],
      ["EmailMessage", ["CcAddress"]],
      ["Task", ["Description"]],
    ]);
    // None of them is the subject's: the oracle lists none of them for the subject.
    const own = new Set((await oracle().records(person.id)).map((record) => record.ref.id));
    expect(mentions.filter((record) => own.has(record.ref.id))).toEqual([]);
    // The subject's own Cases, with their own e-mails in To/Cc, stay theirs.
    expect(located.filter((record) => own.has(record.ref.id)).every((record) => record.relation === undefined)).toBe(true);
  });

  it("is redacted and kept: only the subject's address goes; a sent e-mail is retained with Salesforce's reason", async () => {
    const person = await subject();
    const address = emailOf(person);
    const ctx = salesforceContext(sandbox());
    const mentions: LocatedRecord[] = (await collect(locate(ctx, { identifiers: person.identifiers }))).filter((record) => record.relation === "mentions");
    const refs = mentions.map((record) => record.ref);
    const before = await Promise.all(refs.map(read));

    const receipts = await collect(eraseRecords(ctx, refs, { action: "redact", scope: "personal-data", identifiers: person.identifiers }));
    const after = await Promise.all(refs.map(read));
    for (const [i, ref] of refs.entries()) {
      const receipt = receipts.find((r) => r.ref.id === ref.id);
      const was = before[i] ?? {};
      const is = after[i] ?? {};
      expect(is.IsDeleted, ref.type).toBe(false);
      if (ref.type === "EmailMessage" && was.Status !== "5") {
        expect(receipt).toMatchObject({ outcome: "retained", hold: { basis: sentEmailBasis } });
        expect(is).toEqual(was);
        continue;
      }
      expect(receipt?.outcome, ref.type).toBe("redacted");
      expect(JSON.stringify(is).toLowerCase()).not.toContain(address);
      // Everything but the subject's address is as it was.
      const strip = (record: Record<string, unknown>) =>
        JSON.stringify(record, (_key, value: unknown) => (typeof value === "string" ? value.replace(new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "").replace(/\[REDACTED:email\]/g, "").replace(/;\s*$/, "") || null : value));
      expect(strip(is), ref.type).toBe(strip(was));
    }
    expect(receipts.filter((receipt) => receipt.outcome === "redacted")).toHaveLength(4);

    // Read back: locate no longer finds the redacted ones; only the sent e-mail still names them.
    const again = (await collect(locate(salesforceContext(sandbox()), { identifiers: person.identifiers }))).filter((record) => record.relation === "mentions");
    expect(again.map((record) => record.ref.type)).toEqual(["EmailMessage"]);
  });

  it("takes the subject's SuppliedEmail off a Case filed under someone else, keeping the Case", async () => {
    const person = await subject();
    const bystander = (await oracle().people()).find((other) => other.bystanderOf === person.id);
    const bystanderCase = (await oracle().records(bystander?.id ?? "")).find((record) => record.ref.type === "Case");
    if (!bystanderCase) throw new Error("no bystander case");
    const session = await rawSession(sandbox());
    const patched = await session.get(`${api}/sobjects/Case/${bystanderCase.ref.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ SuppliedEmail: emailOf(person).toUpperCase(), SuppliedName: "Who filed it" }) });
    expect(patched.status).toBe(204);
    const ctx = salesforceContext(sandbox());
    const located = await collect(locate(ctx, { identifiers: person.identifiers }));
    const mention = located.find((record) => record.ref.id === bystanderCase.ref.id);
    expect(mention).toMatchObject({ relation: "mentions", mentionFields: ["SuppliedEmail", "SuppliedName"] });
    const before = await read(bystanderCase.ref);
    const receipts = await collect(eraseRecords(ctx, [bystanderCase.ref], { action: "redact", scope: "personal-data", identifiers: person.identifiers }));
    expect(receipts).toMatchObject([{ outcome: "redacted" }]);
    expect(await read(bystanderCase.ref)).toEqual({ ...before, SuppliedEmail: null, SuppliedName: null });
  });
});
