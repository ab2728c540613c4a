import type { LocatedRecord, OraclePerson } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { api, collect, rawSession, salesforceContext } from "../../test/salesforce-context";
import { locate } from "./locate";

/* One identifier, one person (issue 12): the same mailbox in another case is not a second person. */

const { sandbox, oracle } = sandboxPerFile();

async function subjectWithContact(): Promise<{ subject: OraclePerson; email: string }> {
  for (const person of await oracle().people()) {
    if (person.role !== "subject") continue;
    const email = person.identifiers.find((identifier) => identifier.kind === "email")?.value;
    const records = await oracle().records(person.id);
    if (email && records.some((record) => record.ref.type === "Contact")) return { subject: person, email };
  }
  throw new Error("no subject with a Contact and an e-mail address");
}

/** The address with its letters' case flipped alternately: `aDa.KiNg@ExAmPlE.CoM`. */
function mixedCase(email: string): string {
  return [...email].map((char, i) => (i % 2 === 0 ? char.toLowerCase() : char.toUpperCase())).join("");
}

async function create(type: string, fields: Record<string, unknown>): Promise<string> {
  const session = await rawSession(sandbox());
  const response = await session.get(`${api}/sobjects/${type}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const shared = (record: LocatedRecord | undefined) => record?.matchedBy.some((match) => match.reason?.startsWith("shared:")) ?? true;
const strong = (record: LocatedRecord | undefined) => record?.matchedBy.some((match) => match.strength === "strong") ?? false;

describe("locate: one e-mail address, one person", () => {
  it("keeps an exact-e-mail Contact strong when a Lead holds the same address in mixed case, and finds the Lead strong too", async () => {
    const { subject, email } = await subjectWithContact();
    const variant = mixedCase(email);
    expect(variant).not.toBe(email);
    const leadId = await create("Lead", { FirstName: "Ada", LastName: "Lead", Company: "Web sign-up", Status: "Open - Not Contacted", Email: variant });

    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: [{ kind: "email", value: email }] }));
    const contactIds = new Set((await oracle().records(subject.id)).filter((record) => record.ref.type === "Contact").map((record) => record.ref.id));
    const contact = located.find((record) => record.ref.type === "Contact" && contactIds.has(record.ref.id));
    const lead = located.find((record) => record.ref.type === "Lead" && record.ref.id === leadId);
    expect(strong(contact)).toBe(true);
    expect(shared(contact)).toBe(false);
    expect(strong(lead)).toBe(true);
    expect(shared(lead)).toBe(false);
  });

  it("still calls an address shared when the org keeps two Individuals apart on it", async () => {
    const { email } = await subjectWithContact();
    const first = await create("Individual", { FirstName: "Ann", LastName: "Household" });
    const second = await create("Individual", { FirstName: "Bo", LastName: "Household" });
    const leads = [
      await create("Lead", { FirstName: "Ann", LastName: "Household", Company: "Home", Status: "Open - Not Contacted", Email: mixedCase(email), IndividualId: first }),
      await create("Lead", { FirstName: "Bo", LastName: "Household", Company: "Home", Status: "Open - Not Contacted", Email: email.toUpperCase(), IndividualId: second }),
    ];
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: [{ kind: "email", value: email }] }));
    for (const id of leads) {
      const lead = located.find((record) => record.ref.type === "Lead" && record.ref.id === id);
      expect(lead?.matchedBy).toEqual([expect.objectContaining({ strength: "weak", reason: expect.stringMatching(/^shared: [23] people in this org have this email/) })]);
    }
  });
});
