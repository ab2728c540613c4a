import { ConfigurationError, recordKey, type LocatedRecord, type RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstSubject, oracleOf, vendorOf, type Oracle } from "../test/oracle";
import { collect, memoryCheckpoint, referenceContext } from "../test/reference-context";
import { eraseRecords } from "./erase-records";
import { locate } from "./locate/locate";
import { sandbox } from "./sandbox/index";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 100_000 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");

/** What the engine would erase without review: the subject's strong matches. */
async function strongRefs() {
  const subject = await firstSubject(oracle);
  const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
  return { subject, refs: located.filter(strong).map((record) => record.ref) };
}

async function everyonesRecords() {
  const people = await oracle.people();
  return Object.fromEntries(await Promise.all(people.map(async (person) => [person.id, await oracle.records(person.id)] as const)));
}

describe("erase", () => {
  it("leaves nothing of the subject in any store and counts one deletion per record", async () => {
    const { subject, refs } = await strongRefs();
    const receipts = await collect(eraseRecords(referenceContext(running), refs, { action: "erase" }));
    expect(receipts.map((receipt) => [recordKey(receipt.ref), receipt.outcome])).toEqual(refs.map((ref) => [recordKey(ref), "erased"]));
    expect(receipts[0]?.detail).toMatch(/purged from the trash/);
    expect(await oracle.records(subject.id)).toEqual([]);
    const { deletions } = await oracle.stats();
    expect(deletions).toEqual(Object.fromEntries(refs.map((ref) => [recordKey(ref), 1])));
  });

  it("leaves every other person's records exactly as they were", async () => {
    const { subject, refs } = await strongRefs();
    const before = await everyonesRecords();
    await collect(eraseRecords(referenceContext(running), refs, { action: "erase" }));
    const after = await everyonesRecords();
    delete before[subject.id];
    delete after[subject.id];
    expect(after).toEqual(before);
  });

  it("receipts already-absent when erasing again, and deletes nothing more", async () => {
    const { refs } = await strongRefs();
    await collect(eraseRecords(referenceContext(running), refs, { action: "erase" }));
    const deletions = (await oracle.stats()).deletions;
    const again = await collect(eraseRecords(referenceContext(running), refs, { action: "erase" }));
    expect(new Set(again.map((receipt) => receipt.outcome))).toEqual(new Set(["already-absent"]));
    expect((await oracle.stats()).deletions).toEqual(deletions);
  });

  it("purges a record someone else had already moved to the trash", async () => {
    const { subject } = await strongRefs();
    await vendorOf(running)(`/api/people/${subject.id}`, { method: "DELETE" });
    const [receipt] = await collect(eraseRecords(referenceContext(running), [{ type: "person", id: subject.id }], { action: "erase" }));
    expect(receipt).toMatchObject({ outcome: "erased", detail: expect.stringMatching(/earlier deletion/) });
    expect((await oracle.records(subject.id)).some((record) => record.ref.type === "person")).toBe(false);
  });

  it("leaves the subject unfindable but for the household's weak match", async () => {
    const { subject, refs } = await strongRefs();
    await collect(eraseRecords(referenceContext(running), refs, { action: "erase" }));
    const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    expect(located.length).toBeGreaterThan(0);
    expect(located.some(strong)).toBe(false);
  });

  it("refuses to anonymise, before touching anything", async () => {
    const { refs } = await strongRefs();
    await expect(collect(eraseRecords(referenceContext(running), refs, { action: "anonymise" }))).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    expect((await oracle.stats()).calls["DELETE /api/people/:id"]).toBeUndefined();
  });

  it("resumes after an interruption without repeating the refs already receipted", async () => {
    const { subject, refs } = await strongRefs();
    const store = memoryCheckpoint();
    const firstRun: string[] = [];
    for await (const receipt of eraseRecords(referenceContext(running, { checkpoint: store }), refs, { action: "erase" })) {
      if (store.saves.length === 10) break;
      firstRun.push(recordKey(receipt.ref));
    }
    const resumed = await collect(eraseRecords(referenceContext(running, { checkpoint: store }), refs, { action: "erase" }));
    expect([...firstRun, ...resumed.map((receipt) => recordKey(receipt.ref))]).toEqual(refs.map(recordKey));
    // The ref erased when the run was cut off had no stored receipt: it is asked about again and
    // found gone; the rest are erased now. Nothing is deleted twice.
    expect(resumed.map((receipt) => receipt.outcome)).toEqual(["already-absent", ...resumed.slice(1).map(() => "erased")]);
    expect(await oracle.records(subject.id)).toEqual([]);
    expect(Object.values((await oracle.stats()).deletions).every((count) => count === 1)).toBe(true);
  });
});
