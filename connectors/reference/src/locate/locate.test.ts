import { recordKey, VendorContractError, type LocatedRecord, type RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstSubject, oracleOf, type Oracle } from "../../test/oracle";
import { collect, memoryCheckpoint, referenceContext, type LoggedLine } from "../../test/reference-context";
import { sandbox } from "../sandbox/index";
import { locate } from "./locate";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  // The resume test alone makes over a thousand calls: far beyond the vendor-like default.
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 100_000 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const keys = (records: readonly LocatedRecord[]) => records.map((record) => recordKey(record.ref));
const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");

async function subjectWorld() {
  const subject = await firstSubject(oracle);
  const people = await oracle.people();
  const bystanders = people.filter((person) => person.bystanderOf === subject.id);
  const household = bystanders.find((person) => person.identifiers.some((i) => i.kind === "phone" && i.value === subject.phone));
  if (!household) throw new Error("the subject has no household member");
  return { subject, bystanders, household, held: await oracle.records(subject.id) };
}

describe("locate", () => {
  it("finds every record holding the subject's data, strong and once each", async () => {
    const { subject, held } = await subjectWorld();
    const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    const mine = located.filter((record) => held.some((h) => recordKey(h.ref) === recordKey(record.ref)));
    expect(mine.map((record) => recordKey(record.ref)).sort()).toEqual(held.map((record) => recordKey(record.ref)).sort());
    expect(held.length).toBeGreaterThan(50);
    expect(mine.every(strong)).toBe(true);
    expect(new Set(keys(located)).size).toBe(located.length);
  });

  it("matches the household member only weakly, saying why, and no other bystander at all", async () => {
    const { subject, bystanders, household, held } = await subjectWorld();
    const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    const others = located.filter((record) => !held.some((h) => recordKey(h.ref) === recordKey(record.ref)));
    const householdKeys = (await oracle.records(household.id)).map((record) => recordKey(record.ref));
    expect(keys(others).sort()).toEqual([...householdKeys].sort());
    for (const record of others) {
      expect(record.matchedBy).toEqual([expect.objectContaining({ strength: "weak", reason: expect.stringContaining("shared: 2 people") })]);
    }
    for (const bystander of bystanders.filter((person) => person !== household)) {
      for (const record of await oracle.records(bystander.id)) expect(keys(located)).not.toContain(recordKey(record.ref));
    }
  });

  it("yields a person found by several identifiers once, with every match", async () => {
    const { subject } = await subjectWorld();
    const located = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    const person = located.find((record) => record.ref.type === "person" && record.ref.id === subject.id);
    expect(person?.matchedBy.map((match) => [match.identifier.kind, match.strength])).toEqual([
      ["email", "strong"],
      ["phone", "weak"],
      ["customer_id", "strong"],
      ["native_id", "strong"],
    ]);
  });

  it("reports the identifiers on the person record that the query did not hold", async () => {
    const { subject } = await subjectWorld();
    const located = await collect(
      locate(referenceContext(running), { identifiers: [{ kind: "email", value: subject.email.toUpperCase() }] }),
    );
    expect(located[0]?.discovered).toEqual([
      { kind: "phone", value: subject.phone },
      { kind: "customer_id", value: subject.customerId },
      { kind: "native_id", value: subject.id, system: "reference" },
    ]);
    expect(located.slice(1).every((record) => record.discovered.length === 0)).toBe(true);
  });

  it("finds nothing for someone the CRM does not hold, and ignores other systems' ids", async () => {
    const { subject } = await subjectWorld();
    const located = await collect(
      locate(referenceContext(running), {
        identifiers: [
          { kind: "email", value: "nobody@example.com" },
          { kind: "phone", value: "+12125550000" },
          { kind: "customer_id", value: "CUS-UNKNOWN" },
          { kind: "native_id", value: "per_unknown", system: "reference" },
          { kind: "native_id", value: subject.id, system: "zendesk" },
        ],
      }),
    );
    expect(located).toEqual([]);
    // The note search for mentions of the address (notes about other people) finds nothing either.
    expect((await oracle.stats()).calls).toEqual({ "GET /api/people": 3, "GET /api/people/:id": 1, "GET /api/notes": 1 });
  });

  it("searches rather than lists, and pages with the API's largest page", async () => {
    const { subject } = await subjectWorld();
    await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    const { calls } = await oracle.stats();
    expect(calls["GET /api/people"]).toBe(3);
    // 55 notes in pages of 50 for the subject, one page for the household member.
    expect(calls["GET /api/people/:id/notes"]).toBe(3);
    expect(calls["GET /api/people/:id/attachments"]).toBe(2);
  });

  it("resumes after an interruption at any record with neither a gap nor a repeat", async () => {
    const { subject } = await subjectWorld();
    const query = { identifiers: subject.identifiers };
    const full = keys(await collect(locate(referenceContext(running), query)));
    // Saves: 1 after the person record, 2–56 after each of 55 notes (51 crosses to the second page),
    // 57–58 after the attachments, 59 when the subject is done; then the household member's records.
    const crashPoints = [1, 2, 3, 50, 51, 52, 56, 57, 58, 59, 60, 61, full.length - 1, full.length];
    for (const savesBeforeCrash of crashPoints) {
      // As a worker killed after the connector's n-th save: what it yielded before survives.
      const store = memoryCheckpoint();
      const done: string[] = [];
      for await (const record of locate(referenceContext(running, { checkpoint: store }), query)) {
        if (store.saves.length >= savesBeforeCrash) break;
        done.push(recordKey(record.ref));
      }
      const resumed = keys(await collect(locate(referenceContext(running, { checkpoint: store }), query)));
      expect([...done, ...resumed], `crash after save ${savesBeforeCrash}`).toEqual(full);
    }
  });

  it("starts over, rather than guess, from a checkpoint it cannot read", async () => {
    const { subject } = await subjectWorld();
    const query = { identifiers: subject.identifiers };
    const full = keys(await collect(locate(referenceContext(running), query)));
    const lines: LoggedLine[] = [];
    const ctx = referenceContext(running, { checkpoint: memoryCheckpoint({ version: 99 }), lines });
    expect(keys(await collect(locate(ctx, query)))).toEqual(full);
    expect(lines.some((line) => line.level === "warn")).toBe(true);
  });

  it("stops with the abort reason once its signal is aborted", async () => {
    const { subject } = await subjectWorld();
    const controller = new AbortController();
    const reason = new Error("stop now");
    const run = async () => {
      let seen = 0;
      for await (const _record of locate(referenceContext(running, { signal: controller.signal }), { identifiers: subject.identifiers })) {
        if (++seen === 3) controller.abort(reason);
      }
    };
    await expect(run()).rejects.toBe(reason);
  });

  it("fails on a malformed page with a VendorContractError naming the record, never skipping it", async () => {
    const { subject } = await subjectWorld();
    await oracle.injectFault({ route: "GET /api/people/:id/notes", kind: "malformed" });
    const error = await collect(locate(referenceContext(running), { identifiers: subject.identifiers })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorContractError);
    expect(error).toMatchObject({ details: { recordType: "note", recordId: expect.stringMatching(/^nte_/), route: "people.notes" } });
  });

  it("reads a page cut short once again (the SDK's client asks again), and finds the same records", async () => {
    const { subject } = await subjectWorld();
    const clean = await collect(locate(referenceContext(running), { identifiers: subject.identifiers }));
    await oracle.injectFault({ route: "GET /api/people", kind: "truncated" });
    expect(await collect(locate(referenceContext(running), { identifiers: subject.identifiers }))).toEqual(clean);
  });

  it("fails on a page cut short on every read with a VendorContractError", async () => {
    const { subject } = await subjectWorld();
    await oracle.injectFault({ route: "GET /api/people", kind: "truncated", times: 3 });
    await expect(collect(locate(referenceContext(running), { identifiers: subject.identifiers }))).rejects.toBeInstanceOf(VendorContractError);
  });
});
