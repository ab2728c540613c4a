import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertConnectorInstance } from "./connector-instances";
import { listLocatedRecords, upsertLocatedRecord } from "./located-records";
import { insertReceipt, listReceipts } from "./receipts";
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
});
