import { ConfigurationError, recordKey, type RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstSubject, oracleOf, type Oracle } from "../test/oracle";
import { collect, referenceContext } from "../test/reference-context";
import { locate } from "./locate/locate";
import { rectifyRecord } from "./rectify-record";
import { restrictRecords } from "./restrict-records";
import { sandbox } from "./sandbox/index";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 100_000 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

async function subjectRecords() {
  const subject = await firstSubject(oracle);
  const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
  const strong = located.filter((record) => record.matchedBy.some((match) => match.strength === "strong"));
  return { subject, located, strong };
}

describe("rectify", () => {
  it("updates the person's fields at the vendor, and only theirs", async () => {
    const subject = await firstSubject(oracle);
    const people = await oracle.people();
    const before = await Promise.all(people.map((person) => oracle.records(person.id)));
    const receipt = await rectifyRecord(referenceContext(running), { type: "person", id: subject.id }, [
      { field: "name", value: "Ada King" },
      { field: "email", value: "ada.king@example.com" },
    ]);
    expect(receipt).toEqual({ ref: { type: "person", id: subject.id }, outcome: "rectified", detail: "Updated name, email" });
    const after = await Promise.all(people.map((person) => oracle.records(person.id)));
    for (const [index, person] of people.entries()) {
      const held = after[index]?.find((record) => record.ref.type === "person");
      if (person.id === subject.id) {
        expect(held?.personalData).toMatchObject({ name: "Ada King", email: "ada.king@example.com", phone: subject.phone });
      } else {
        expect(after[index]).toEqual(before[index]);
      }
    }
  });

  it("reports a person who is gone as already-absent", async () => {
    const receipt = await rectifyRecord(referenceContext(running), { type: "person", id: "per_nobody" }, [{ field: "name", value: "X" }]);
    expect(receipt.outcome).toBe("already-absent");
  });

  it("refuses fields and record types it does not declare, before calling the vendor", async () => {
    const subject = await firstSubject(oracle);
    const ctx = referenceContext(running);
    await expect(rectifyRecord(ctx, { type: "person", id: subject.id }, [{ field: "customerId", value: "CUS-1" }])).rejects.toThrow(ConfigurationError);
    await expect(rectifyRecord(ctx, { type: "note", id: "nte_1" }, [{ field: "body", value: "x" }])).rejects.toThrow(ConfigurationError);
    expect((await oracle.stats()).calls).toEqual({});
  });

  it("fails with the vendor's reason, naming the field but not the value, when the vendor refuses a value", async () => {
    const subject = await firstSubject(oracle);
    const attempt = rectifyRecord(referenceContext(running), { type: "person", id: subject.id }, [{ field: "phone", value: "0201 555 0199" }]);
    await expect(attempt).rejects.toThrow(/phone must be an E\.164 phone number/);
    await expect(attempt).rejects.not.toThrow(/0201 555 0199/);
    const held = (await oracle.records(subject.id)).find((record) => record.ref.type === "person");
    expect(held?.personalData).toMatchObject({ phone: subject.phone });
  });
});

describe("restrict", () => {
  it("flags every record of the subject, leaves bystanders' records alone, and lifts it again", async () => {
    const { subject, strong } = await subjectRecords();
    const refs = strong.map((record) => record.ref);
    const bystanders = (await oracle.people()).filter((person) => person.bystanderOf === subject.id);

    const receipts = await collect(restrictRecords(referenceContext(running), refs, { lift: false }));
    expect(receipts.map((receipt) => [recordKey(receipt.ref), receipt.outcome])).toEqual(refs.map((ref) => [recordKey(ref), "restricted"]));
    const states = await oracle.restrictions(subject.id);
    expect(states.length).toBe(refs.length);
    expect(states.every((state) => state.restricted)).toBe(true);
    for (const bystander of bystanders) {
      expect((await oracle.restrictions(bystander.id)).some((state) => state.restricted)).toBe(false);
    }
    // A re-locate sees the flag the vendor now holds.
    const relocated = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    expect(relocated.filter((record) => refs.some((ref) => recordKey(ref) === recordKey(record.ref))).every((record) => record.restricted)).toBe(true);

    const lifted = await collect(restrictRecords(referenceContext(running), refs, { lift: true }));
    expect(new Set(lifted.map((receipt) => receipt.outcome))).toEqual(new Set(["unrestricted"]));
    expect((await oracle.restrictions(subject.id)).some((state) => state.restricted)).toBe(false);
  });

  it("reports records gone since they were located as already-absent", async () => {
    const receipts = await collect(restrictRecords(referenceContext(running), [{ type: "call", id: "cal_gone" }], { lift: false }));
    expect(receipts).toEqual([{ ref: { type: "call", id: "cal_gone" }, outcome: "already-absent", detail: expect.any(String) }]);
  });
});

describe("record facts", () => {
  it("reports each call with its tags, case ids and time, and no facts for other records", async () => {
    const { located } = await subjectRecords();
    const calls = located.filter((record) => record.ref.type === "call");
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => call.facts?.tags).sort()).toEqual([[], ["complaint"], ["transaction"]]);
    const complaint = calls.find((call) => call.facts?.tags?.includes("complaint"));
    expect(complaint?.facts?.caseIds).toEqual([expect.stringMatching(/^CASE-\d{5}$/)]);
    for (const call of calls) expect(call.facts?.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(located.filter((record) => record.ref.type !== "call").every((record) => record.facts === undefined)).toBe(true);
    expect(located.every((record) => record.restricted === false)).toBe(true);
  });
});
