import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertConnectorInstance } from "./connector-instances";
import { listLocatedRecords, upsertLocatedRecord, upsertLocatedRecords } from "./located-records";
import { insertReceipt, insertReceipts, listReceipts } from "./receipts";
import { insertRequest } from "./requests";

let database: TestDatabase;
let requestId: string;
let instanceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const request = await insertRequest(database.db, {
    type: "erasure",
    regime: "gdpr",
    receivedAt: new Date(),
    dueAt: new Date(Date.now() + 86_400_000),
    timeZone: "UTC",
    actor: "test",
  });
  requestId = request.id;
  const plain = { seal: (text: string) => text, open: (text: string) => text };
  instanceId = (await insertConnectorInstance(database.db, plain, { connectorId: "reference", name: "r", settings: {}, secrets: {} })).id;
});
afterAll(async () => {
  await database?.close();
});

describe("located records", () => {
  it("are stored once however often a restarted locate yields them, and a strong match is never downgraded", async () => {
    const record = { requestId, instanceId, recordType: "note", recordId: "n1", matchedBy: [], discovered: [] };
    await upsertLocatedRecord(database.db, { ...record, strength: "strong" });
    await upsertLocatedRecord(database.db, { ...record, strength: "weak" });
    const rows = await listLocatedRecords(database.db, { requestId });
    expect(rows.map((row) => [row.recordType, row.recordId, row.strength])).toEqual([["note", "n1", "strong"]]);
  });

  it("are stored in one batch with a record yielded twice merged as a repeat would be: strongest match, every match kept", async () => {
    const byEmail = { kind: "email", strength: "weak" };
    const byPhone = { kind: "phone", strength: "strong" };
    const record = { requestId, instanceId, recordType: "person", discovered: [], round: 0 };
    await upsertLocatedRecords(database.db, [
      { ...record, recordId: "p1", strength: "weak", matchedBy: [byEmail] },
      { ...record, recordId: "p2", strength: "weak", matchedBy: [byEmail] },
      { ...record, recordId: "p1", strength: "strong", matchedBy: [byPhone], round: 1 },
    ]);
    await upsertLocatedRecords(database.db, [{ ...record, recordId: "p2", strength: "weak", matchedBy: [byEmail], round: 1 }]);
    const rows = (await listLocatedRecords(database.db, { requestId })).filter((row) => row.recordType === "person");
    expect(rows.map((row) => [row.recordId, row.strength, row.round, row.matchedBy])).toEqual([
      ["p1", "strong", 0, [byEmail, byPhone]],
      ["p2", "weak", 0, [byEmail]],
    ]);
  });
});

describe("receipts", () => {
  it("keep the first receipt of a record and phase: a repeat neither duplicates nor overwrites it", async () => {
    const receipt = {
      requestId,
      instanceId,
      connectorId: "reference",
      connectorVersion: "0.1.0",
      recordType: "note",
      recordId: "n1",
      phase: "erase" as const,
    };
    expect(await insertReceipt(database.db, { ...receipt, outcome: "erased" })).toBe(true);
    expect(await insertReceipt(database.db, { ...receipt, outcome: "already-absent" })).toBe(false);
    expect(await insertReceipt(database.db, { ...receipt, phase: "verify", outcome: "still-present" })).toBe(true);
    const rows = await listReceipts(database.db, { requestId });
    expect(rows.map((row) => [row.phase, row.outcome])).toEqual([
      ["erase", "erased"],
      ["verify", "still-present"],
    ]);
  });

  it("are inserted many at once, the first receipt of a record and phase still winning", async () => {
    const receipt = { requestId, instanceId, connectorId: "reference", connectorVersion: "0.1.0", recordType: "call", phase: "erase" as const };
    expect(await insertReceipts(database.db, [])).toBe(0);
    const inserted = await insertReceipts(database.db, [
      { ...receipt, recordId: "c1", outcome: "erased" },
      { ...receipt, recordId: "c2", outcome: "retained" },
      { ...receipt, recordId: "c1", outcome: "already-absent" },
    ]);
    expect(inserted).toBe(2);
    const rows = (await listReceipts(database.db, { requestId })).filter((row) => row.recordType === "call");
    expect(rows.map((row) => [row.recordId, row.outcome])).toEqual([
      ["c1", "erased"],
      ["c2", "retained"],
    ]);
  });
});
