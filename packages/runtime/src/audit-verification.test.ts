import { appendAudit } from "./audit/append-audit";
import { sealAuditLog } from "./audit/seal-audit-log";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "./audit-verification";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("verifyAuditLog", () => {
  it("passes on an untouched chain written by concurrent writers, and fails at the row altered in the database", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.db.transaction((tx) =>
          appendAudit(tx, { actor: "test", action: "test.event", payload: { index, counts: { a: 1, b: [1, 2] } } }),
        ),
      ),
    );
    // Writers insert unsealed entries; the sealer numbers and chains them.
    expect(await sealAuditLog(database.db)).toBe(20);
    const seqs = await database.sql<Array<{ seq: number }>>`select seq from audit_log order by seq`;
    expect(seqs.map((row) => Number(row.seq))).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true, count: 20 });

    await database.sql`update audit_log set payload = '{"index": 99}'::jsonb where seq = 7`;
    expect(await verifyAuditLog(database)).toEqual({ ok: false, seq: 7, reason: "hash_mismatch" });
  });

  it("fails when a row is removed", async () => {
    await database.sql`delete from audit_log where seq <> 7 and seq > 5`;
    const result = await verifyAuditLog(database);
    expect(result.ok).toBe(false);
  });
});
