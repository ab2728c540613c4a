import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineExtensions, identityVerifications } from "../schema";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertConnectorInstance } from "./connector-instances";
import { getIdentityVerification } from "./identity-verifications";
import { listDeadlineExtensions } from "./deadline-extensions";
import { listLocatedRecords, upsertLocatedRecord } from "./located-records";
import { insertReceipt, listReceipts } from "./receipts";
import { loadRequestDetailRows } from "./request-detail";
import { ensureRequestTask, listRequestTasks } from "./request-tasks";
import { getRequest, insertRequest, listStatusHistory, recordStatusChange } from "./requests";
import { insertSubjectIdentifiers, listSubjectIdentifiers } from "./subject-identifiers";

let database: TestDatabase;
let requestId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const request = await insertRequest(db, {
    type: "erasure",
    regime: "gdpr",
    receivedAt: new Date("2026-03-01T10:00:00.123Z"),
    dueAt: new Date("2026-04-01T10:00:00.000Z"),
    timeZone: "Europe/Paris",
    actor: "test",
    parameters: { note: "1", nested: { list: [1, "two", null] } },
  });
  requestId = request.id;
  await recordStatusChange(db, { requestId, from: "received", to: "locating", actor: "worker", reason: "started", closes: false });
  await insertSubjectIdentifiers(db, requestId, [
    { kind: "phone", value: "+33612345678", provenance: "given", strength: "strong" },
    { kind: "email", value: "b@example.com", provenance: "given", strength: "strong" },
    { kind: "crm_id", value: "42", system: "crm", provenance: "discovered", strength: "weak", source: { instance: "x" }, round: 1 },
  ]);
  const plain = { seal: (text: string) => text, open: (text: string) => text };
  // Names whose order differs between byte order and a case-insensitive one.
  const zeta = (await insertConnectorInstance(db, plain, { connectorId: "reference", name: "zeta", settings: {}, secrets: {} })).id;
  const alpha = (await insertConnectorInstance(db, plain, { connectorId: "reference", name: "Alpha", settings: {}, secrets: {} })).id;
  for (const instanceId of [zeta, alpha]) {
    for (const phase of ["locate", "erase"] as const) {
      await ensureRequestTask(db, { requestId, instanceId, phase, connectorId: "reference", connectorVersion: "0.1.0", progress: { page: 2 } });
    }
    for (const recordId of ["n2", "n1"]) {
      await upsertLocatedRecord(db, { requestId, instanceId, recordType: "note", recordId, strength: "strong", matchedBy: [{ kind: "email" }], discovered: [] });
      await insertReceipt(db, { requestId, instanceId, connectorId: "reference", connectorVersion: "0.1.0", recordType: "note", recordId, phase: "erase", outcome: "erased" });
    }
  }
  await db.insert(deadlineExtensions).values({
    requestId,
    unit: "months",
    totalAmount: 2,
    reason: "complex",
    noticeAt: new Date("2026-03-02T00:00:00.000Z"),
    previousDueAt: new Date("2026-04-01T10:00:00.000Z"),
    dueAt: new Date("2026-06-01T10:00:00.000Z"),
    actor: "test",
  });
  await db.insert(identityVerifications).values({ requestId, method: "email_code", status: "pending", codeHash: "h", expiresAt: new Date("2026-03-01T11:00:00.000Z") });
});
afterAll(async () => {
  await database?.close();
});

describe("loadRequestDetailRows", () => {
  it("answers in one statement exactly what the separate repository reads answer", async () => {
    const db = database.db;
    const detail = await loadRequestDetailRows(db, requestId);
    expect(detail).toEqual({
      request: await getRequest(db, requestId),
      history: await listStatusHistory(db, requestId),
      identifiers: await listSubjectIdentifiers(db, requestId),
      tasks: await listRequestTasks(db, requestId),
      located: await listLocatedRecords(db, { requestId }),
      receipts: await listReceipts(db, { requestId }),
      extensions: await listDeadlineExtensions(db, requestId),
      verification: await getIdentityVerification(db, requestId),
    });
    expect(detail?.tasks).toHaveLength(4);
    expect(detail?.request.receivedAt).toBeInstanceOf(Date);
  });

  it("is null for an unknown request, with empty lists never built", async () => {
    expect(await loadRequestDetailRows(database.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
