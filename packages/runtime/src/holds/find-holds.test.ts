import { insertLegalHold, endLegalHold, type NewLegalHold } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findHoldsFor, type HoldableRecord } from "./find-holds";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.sql`delete from legal_holds`;
});

const now = new Date("2026-06-01T12:00:00Z");
const instanceId = "11111111-1111-4111-8111-111111111111";
const call: HoldableRecord = {
  instanceId,
  connectorId: "reference",
  recordType: "call",
  recordId: "c-1",
  facts: { tags: ["transaction"], caseIds: ["DISPUTE-7"], occurredAt: "2023-03-10T09:00:00Z" },
};

function hold(scope: NewLegalHold["scope"], selector: unknown, extra: Partial<NewLegalHold> = {}) {
  return insertLegalHold(database.db, {
    scope,
    title: `${scope} hold`,
    basis: `basis of ${scope}`,
    owner: "legal",
    selector,
    redactNonEssential: false,
    reviewAt: null,
    expiresAt: null,
    createdBy: "test",
    ...extra,
  });
}

describe("findHoldsFor", () => {
  it("finds nothing when no hold covers the record", async () => {
    await hold("record", { instanceId, recordType: "call", recordId: "c-2" });
    await hold("case", { caseId: "OTHER" });
    await hold("person", { identifierHashes: ["aa"] });
    expect(await findHoldsFor(database.db, call, ["bb"], now)).toBeNull();
  });

  it("a person hold covers every record of a subject one of whose identifier hashes it names", async () => {
    const person = await hold("person", { identifierHashes: ["aa", "bb"] });
    const found = await findHoldsFor(database.db, call, ["zz", "bb"], now);
    expect(found).toMatchObject({ holdId: person.id, title: "person hold", basis: "basis of person", retainUntil: null });
    expect(await findHoldsFor(database.db, call, [], now)).toBeNull();
  });

  it("a record hold covers exactly its instance, type and id", async () => {
    const record = await hold("record", { instanceId, recordType: "call", recordId: "c-1" });
    expect((await findHoldsFor(database.db, call, [], now))?.holdId).toBe(record.id);
    expect(await findHoldsFor(database.db, { ...call, recordType: "attachment" }, [], now)).toBeNull();
    expect(
      await findHoldsFor(database.db, { ...call, instanceId: "22222222-2222-4222-8222-222222222222" }, [], now),
    ).toBeNull();
  });

  it("a case hold covers records carrying the case id among their case ids or tags", async () => {
    const dispute = await hold("case", { caseId: "DISPUTE-7" });
    expect((await findHoldsFor(database.db, call, [], now))?.holdId).toBe(dispute.id);
    const tagged = { ...call, facts: { tags: ["DISPUTE-7"] } };
    expect((await findHoldsFor(database.db, tagged, [], now))?.holdId).toBe(dispute.id);
    expect(await findHoldsFor(database.db, { ...call, facts: {} }, [], now)).toBeNull();
  });

  it("a rule hold keeps matching records for its years from when they happened, then lets them go", async () => {
    const mifid = await hold(
      "rule",
      { connectorId: "reference", recordType: "call", tag: "transaction", retainYears: 5, from: "occurredAt" },
      { title: "MiFID call recordings", basis: "MiFID II Art. 16(7)" },
    );
    const found = await findHoldsFor(database.db, call, [], now);
    expect(found).toMatchObject({ holdId: mifid.id, basis: "MiFID II Art. 16(7)" });
    expect(found?.retainUntil?.toISOString()).toBe("2028-03-10T09:00:00.000Z");

    const old = { ...call, facts: { ...call.facts, occurredAt: "2021-05-31T12:00:00Z" } };
    expect(await findHoldsFor(database.db, old, [], now)).toBeNull();
    expect(await findHoldsFor(database.db, { ...call, facts: { ...call.facts, tags: ["chat"] } }, [], now)).toBeNull();
    expect(await findHoldsFor(database.db, { ...call, recordType: "note" }, [], now)).toBeNull();
    expect(await findHoldsFor(database.db, { ...call, connectorId: "recorder" }, [], now)).toBeNull();
  });

  it("a rule hold keeps a record whose date is unknown indefinitely and says so", async () => {
    await hold("rule", { tag: "transaction", retainYears: 5, from: "occurredAt" });
    const undated = { ...call, facts: { tags: ["transaction"] } };
    const found = await findHoldsFor(database.db, undated, [], now);
    expect(found?.retainUntil).toBeNull();
    expect(found?.reason).toMatch(/date is unknown/);
    const garbled = { ...call, facts: { tags: ["transaction"], occurredAt: "last tuesday" } };
    expect((await findHoldsFor(database.db, garbled, [], now))?.retainUntil).toBeNull();
  });

  it("ignores holds that were ended or have expired", async () => {
    const ended = await hold("record", { instanceId, recordType: "call", recordId: "c-1" });
    await endLegalHold(database.db, { id: ended.id, endedBy: "test", reason: "case closed", at: new Date("2026-01-01Z") });
    await hold("case", { caseId: "DISPUTE-7" }, { expiresAt: now });
    expect(await findHoldsFor(database.db, call, [], now)).toBeNull();
    const later = await hold("case", { caseId: "DISPUTE-7" }, { expiresAt: new Date(now.getTime() + 1000) });
    expect((await findHoldsFor(database.db, call, [], now))?.holdId).toBe(later.id);
  });

  it("among several, the hold keeping the record longest wins, indefinite over any date", async () => {
    await hold("rule", { tag: "transaction", retainYears: 5, from: "occurredAt" });
    const longer = await hold("rule", { recordType: "call", retainYears: 7, from: "occurredAt" }, { title: "seven" });
    expect((await findHoldsFor(database.db, call, [], now))?.holdId).toBe(longer.id);
    const indefinite = await hold("case", { caseId: "DISPUTE-7" });
    const found = await findHoldsFor(database.db, call, [], now);
    expect(found?.holdId).toBe(indefinite.id);
    expect(found?.retainUntil).toBeNull();
  });

  it("breaks a tie between equally long holds the same way every time (lowest id)", async () => {
    const a = await hold("record", { instanceId, recordType: "call", recordId: "c-1" });
    const b = await hold("case", { caseId: "DISPUTE-7" });
    const expected = [a.id, b.id].sort()[0];
    for (let i = 0; i < 3; i += 1) expect((await findHoldsFor(database.db, call, [], now))?.holdId).toBe(expected);
  });

  it("stops on a stored hold it cannot read rather than guess", async () => {
    await hold("rule", { retainYears: "five" });
    await expect(findHoldsFor(database.db, call, [], now)).rejects.toThrow(/cannot read/);
  });
});
