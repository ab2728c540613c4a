import type { LocatedRecord, RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstSubject, oracleOf, vendorOf, type Oracle, type Vendor } from "../../test/oracle";
import { collect, referenceContext } from "../../test/reference-context";
import { sandbox } from "../sandbox/index";
import { locate } from "./locate";

/* One identifier, one person (issue 12): one mailbox is one person, whatever the case. */

let running: RunningSandbox;
let oracle: Oracle;
let vendor: Vendor;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 100_000 });
  oracle = oracleOf(running);
  vendor = vendorOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const personMatches = (records: LocatedRecord[], id: string) => records.find((record) => record.ref.type === "person" && record.ref.id === id)?.matchedBy ?? [];

describe("locate: one e-mail address, one person", () => {
  it("matches two person records holding the subject's address, asked in mixed case, strongly and not as shared", async () => {
    const subject = await firstSubject(oracle);
    const email = subject.email;
    const duplicate = (await oracle.people()).find(
      (person) => person.bystanderOf === subject.id && !person.identifiers.some((i) => i.kind === "phone" && i.value === subject.phone),
    );
    if (!duplicate) throw new Error("no bystander to make a duplicate of");
    const patched = await vendor(`/api/people/${duplicate.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: email.toUpperCase() }) });
    expect(patched.status).toBe(200);

    const asked = [...email].map((char, i) => (i % 2 === 0 ? char.toUpperCase() : char)).join("");
    const located = await collect(locate(referenceContext(running), { identifiers: [{ kind: "email", value: asked }] }));
    for (const id of [subject.id, duplicate.id]) {
      expect(personMatches(located, id)).toEqual([expect.objectContaining({ strength: "strong" })]);
      expect(personMatches(located, id).some((match) => match.reason?.startsWith("shared:"))).toBe(false);
    }
  });
});
