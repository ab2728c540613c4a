import { recordKey, type ExportItem, type ExportPart } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../test/sandbox-per-file";
import { collect, salesforceContext } from "../test/salesforce-context";
import { ExportSubject } from "./export-parts";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { mentionedSubject } from "./sandbox/world/seed-world";

/*
 * Export parts by owner (GDPR Art. 15(4)): records filed under someone else mark that person's
 * parts `other`; the person's own records are exported whole.
 */

const { sandbox, oracle } = sandboxPerFile();

const fieldsAbout = (parts: readonly ExportPart[] | undefined, about: "other" | "subject") => (parts ?? []).filter((part) => part.about === about).map((part) => part.path.join("."));

describe("the access export of the Salesforce connector", () => {
  it("marks the other person's parts of their Case, Task and e-mails that mention the subject, and none of the subject's own records", async () => {
    const person = (await oracle().people()).filter((candidate) => candidate.role === "subject")[mentionedSubject];
    if (!person) throw new Error("no subject");
    const ctx = salesforceContext(sandbox());
    const located = await collect(locate(ctx, { identifiers: person.identifiers }));
    const items = (await collect(exportRecords(ctx, located.map((record) => record.ref)))).filter((item): item is Extract<ExportItem, { kind: "record" }> => item.kind === "record");
    expect(items).toHaveLength(located.length);
    const theirs = new Set((await oracle().records(person.id)).map((record) => recordKey(record.ref)));
    const mentions = new Set(located.filter((record) => record.relation === "mentions").map((record) => recordKey(record.ref)));

    for (const item of items.filter((candidate) => theirs.has(recordKey(candidate.ref)))) {
      expect(item.parts, recordKey(item.ref)).toBeUndefined();
    }
    const partsOf = (type: string) => items.filter((item) => item.ref.type === type && mentions.has(recordKey(item.ref))).map((item) => ({ data: item.data, other: fieldsAbout(item.parts, "other") }));
    expect(partsOf("Case").map((entry) => entry.other)).toEqual([["ContactId"]]);
    expect(partsOf("Task").map((entry) => entry.other)).toEqual([["WhoId"]]);
    // The comment is an agent's note about the subject on someone else's Case: nothing of another person's in it.
    expect(partsOf("CaseComment").map((entry) => entry.other)).toEqual([[]]);
    const address = person.identifiers.find((i) => i.kind === "email")?.value ?? "";
    const emails = items.filter((item) => item.ref.type === "EmailMessage" && mentions.has(recordKey(item.ref)));
    expect(emails).toHaveLength(2);
    for (const item of emails) {
      // Who sent it and its other recipients are left out; that the subject was copied in stays.
      const copy = withoutOtherParts(item);
      expect(copy.FromAddress).toBeUndefined();
      expect(copy.ToAddress).toBeUndefined();
      expect(copy.recipients).toEqual({ ToAddress: [], CcAddress: [expect.stringMatching(new RegExp(`^${address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))], BccAddress: [] });
      const addressesLeft = JSON.stringify(copy).toLowerCase().match(/[a-z0-9._%+'-]+@[a-z0-9.-]+/g) ?? [];
      expect(new Set(addressesLeft)).toEqual(new Set([address]));
    }
  });
});

/** The person's copy as the runtime makes it: each `other` part removed (array elements without leaving holes). */
function withoutOtherParts(item: Extract<ExportItem, { kind: "record" }>): Record<string, unknown> {
  const copy = structuredClone(item.data);
  const others = (item.parts ?? []).filter((part) => part.about === "other");
  const index = (part: ExportPart) => (typeof part.path.at(-1) === "number" ? Number(part.path.at(-1)) : -1);
  // Keys first, then array elements from the end, so the indexes given stay valid.
  const parts = [...others.filter((part) => index(part) < 0), ...others.filter((part) => index(part) >= 0).sort((a, b) => index(b) - index(a))];
  for (const part of parts) {
    let parent: unknown = copy;
    for (const key of part.path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = part.path.at(-1);
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else if (parent && typeof parent === "object" && last !== undefined) delete (parent as Record<string, unknown>)[String(last)];
  }
  return copy;
}

describe("ExportSubject", () => {
  const subject = () => {
    const known = new ExportSubject("US");
    known.learn("Contact", { Id: "003000000000001AAA", Email: "Ada@Example.com", Phone: "(201) 555-0147" });
    return known;
  };

  it("keeps a web-to-case Case and the e-mails on it whole, and marks who else a Case filed under someone else names", () => {
    const known = subject();
    expect(known.partsOf("Case", { Id: "500000000000001AAA", ContactId: null, SuppliedEmail: "ada@example.com", SuppliedName: "Ada" })).toEqual([]);
    expect(known.partsOf("EmailMessage", { ParentId: "500000000000001", FromAddress: "support@acme.example", ToAddress: "ada@example.com; billing@acme.example" })).toEqual([]);
    const parts = known.partsOf("Case", { Id: "500000000000002AAA", ContactId: "003000000000009AAA", SuppliedName: "Bo", SuppliedEmail: "bo@example.com", SuppliedPhone: "+1 201 555 0147" });
    // The number on it is the subject's (written another way): it stays.
    expect(fieldsAbout(parts, "other")).toEqual(["ContactId", "SuppliedName", "SuppliedEmail"]);
  });

  it("keeps e-mails the subject sent or that were written to them alone", () => {
    const known = subject();
    expect(known.partsOf("EmailMessage", { FromAddress: "ADA@example.com", ToAddress: "bo@example.com", CcAddress: "cy@example.com" })).toEqual([]);
    expect(known.partsOf("EmailMessage", { FromAddress: "bo@example.com", ToAddress: "ada@example.com" })).toEqual([]);
    expect(fieldsAbout(known.partsOf("EmailMessage", { FromAddress: "bo@example.com", ToAddress: "cy@example.com", BccAddress: "Ada@example.com" }), "other")).toEqual(["FromAddress", "ToAddress", "recipients.ToAddress.0"]);
  });
});
