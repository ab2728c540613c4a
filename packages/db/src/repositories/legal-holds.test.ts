import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertConnectorInstance } from "./connector-instances";
import {
  endLegalHold,
  getLegalHold,
  insertLegalHold,
  LegalHoldEndedError,
  listActiveLegalHolds,
  listLegalHolds,
  listReleasableItems,
  markPlanItemReleased,
  type NewLegalHold,
} from "./legal-holds";
import { listLocatedRecords, upsertLocatedRecord } from "./located-records";
import { upsertPlanItems } from "./plan-items";
import { insertReceipt } from "./receipts";
import { insertRequest } from "./requests";

let database: TestDatabase;
let instanceId: string;
const now = new Date("2026-06-01T00:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  const plain = { seal: (text: string) => text, open: (text: string) => text };
  instanceId = (await insertConnectorInstance(database.db, plain, { connectorId: "reference", name: "r", settings: {}, secrets: {} })).id;
});
afterAll(async () => {
  await database?.close();
});

function hold(extra: Partial<NewLegalHold> = {}) {
  return insertLegalHold(database.db, {
    scope: "case",
    title: "Dispute",
    basis: "Art. 17(3)(e)",
    owner: "Legal",
    selector: { caseId: "D" },
    redactNonEssential: false,
    reviewAt: null,
    expiresAt: null,
    createdBy: "test",
    ...extra,
  });
}

/** A request in `status` with one retained record per given hold (and retain_until). */
async function requestRetaining(status: string, items: Array<{ holdId: string; retainUntil?: Date; action?: string }>) {
  const request = await insertRequest(database.db, {
    type: "erasure",
    regime: "gdpr",
    receivedAt: now,
    dueAt: new Date(now.getTime() + 86_400_000),
    timeZone: "UTC",
    actor: "test",
  });
  await database.sql`update requests set status = ${status} where id = ${request.id}`;
  for (const index of items.keys()) {
    await upsertLocatedRecord(database.db, {
      requestId: request.id,
      instanceId,
      recordType: "call",
      recordId: `c${index}`,
      strength: "strong",
      matchedBy: [],
      discovered: [],
    });
  }
  const located = await listLocatedRecords(database.db, { requestId: request.id });
  await upsertPlanItems(
    database.db,
    items.map((item, index) => ({
      locatedRecordId: located.find((row) => row.recordId === `c${index}`)!.id,
      requestId: request.id,
      action: item.action ?? "retain",
      reason: "held",
      holdId: item.holdId,
      retainUntil: item.retainUntil ?? null,
      fieldUpdates: null,
      review: "none",
    })),
  );
  return { requestId: request.id, located };
}

describe("legal holds repository", () => {
  it("ends a hold once, keeping the first reason, and knows which holds are in force", async () => {
    const ended = await hold();
    const expired = await hold({ expiresAt: now });
    const active = await hold({ expiresAt: new Date(now.getTime() + 1) });
    await endLegalHold(database.db, { id: ended.id, endedBy: "user:a", reason: "settled", at: now });
    await expect(endLegalHold(database.db, { id: ended.id, endedBy: "user:b", reason: "again", at: now })).rejects.toBeInstanceOf(LegalHoldEndedError);
    await expect(endLegalHold(database.db, { id: expired.id, endedBy: "user:b", reason: "late", at: now })).rejects.toBeInstanceOf(LegalHoldEndedError);
    expect(await endLegalHold(database.db, { id: "00000000-0000-4000-8000-000000000000", endedBy: "x", reason: "x", at: now })).toBeUndefined();
    expect(await getLegalHold(database.db, ended.id)).toMatchObject({ endedBy: "user:a", endReason: "settled" });
    const inForce = (await listActiveLegalHolds(database.db, now)).map((row) => row.id);
    expect(inForce).toContain(active.id);
    expect(inForce).not.toContain(ended.id);
    expect(inForce).not.toContain(expired.id);
  });

  it("lists for release only retained (or kept-redacted) items of closed requests whose hold ended or expired or whose term ran out", async () => {
    const ended = await hold({ title: "ended" });
    const expired = await hold({ title: "expired", expiresAt: new Date(now.getTime() - 1000) });
    const rule = await hold({ title: "rule" });
    const open = await hold({ title: "still open" });
    await endLegalHold(database.db, { id: ended.id, endedBy: "x", reason: "done", at: now });

    const closed = await requestRetaining("completed", [
      { holdId: ended.id },
      { holdId: expired.id },
      { holdId: rule.id, retainUntil: new Date(now.getTime() - 1) },
      { holdId: rule.id, retainUntil: new Date(now.getTime() + 60_000) },
      { holdId: open.id },
      { holdId: ended.id, action: "erase" },
      { holdId: ended.id, action: "redact" },
    ]);
    const running = await requestRetaining("executing", [{ holdId: ended.id }]);

    const releasable = (await listReleasableItems(database.db, now)).filter((item) => item.requestId === closed.requestId || item.requestId === running.requestId);
    expect(releasable.map((item) => [item.recordId, item.holdTitle, item.cause])).toEqual([
      ["c0", "ended", "ended"],
      ["c1", "expired", "expired"],
      ["c2", "rule", "retention-over"],
      ["c6", "ended", "ended"],
    ]);
    expect(releasable.every((item) => item.requestId === closed.requestId && item.instanceId === instanceId)).toBe(true);

    // `ended` still keeps three (c0, c6 kept redacted, one of the running request); c0 counts as
    // released once its release receipt exists and its item is erase.
    expect(await getLegalHold(database.db, ended.id)).toMatchObject({ retainedRecords: 3, releasedRecords: 0 });
    const c0 = releasable[0]!;
    await insertReceipt(database.db, {
      requestId: c0.requestId,
      instanceId,
      connectorId: "reference",
      connectorVersion: "1",
      recordType: "call",
      recordId: "c0",
      phase: "release",
      outcome: "erased",
    });
    expect(await markPlanItemReleased(database.db, c0.locatedRecordId, "hold ended")).toBe(true);
    expect(await markPlanItemReleased(database.db, c0.locatedRecordId, "hold ended")).toBe(false);
    const counted = (await listLegalHolds(database.db)).find((row) => row.id === ended.id);
    expect(counted).toMatchObject({ retainedRecords: 2, releasedRecords: 1 });
    expect((await listReleasableItems(database.db, now)).some((item) => item.locatedRecordId === c0.locatedRecordId)).toBe(false);
  });
});
