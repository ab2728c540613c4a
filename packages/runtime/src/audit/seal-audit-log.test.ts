import { verifyAuditChain } from "@lethe/core";
import { readAuditLog } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../audit-verification";
import { appendAudit } from "./append-audit";
import { chainUnsealed, sealAuditLog } from "./seal-audit-log";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.sql`truncate audit_log`;
});

class RolledBack extends Error {}

describe("sealing the audit chain", () => {
  it("appends with one INSERT and leaves the entry unsealed until a sealing round", async () => {
    const entry = await appendAudit(database.db, { actor: "test", action: "test.event", requestId: null, payload: { n: 1 } });
    const [row] = await database.sql<Array<{ id: string; seq: string | null; hash: string | null }>>`select id, seq, hash from audit_log`;
    expect(row).toEqual({ id: String(entry.id), seq: null, hash: null });
    expect(await readAuditLog(database.db)).toEqual([]);
    expect(await sealAuditLog(database.db)).toBe(1);
    expect(await readAuditLog(database.db)).toMatchObject([{ seq: 1, actor: "test", payload: { n: 1 } }]);
    expect(await sealAuditLog(database.db)).toBe(0);
  });

  it("refuses, at append time, an entry the sealer could not hash", async () => {
    await expect(appendAudit(database.db, { actor: " ", action: "test.event", payload: {} })).rejects.toThrow(/actor/);
    await expect(appendAudit(database.db, { actor: "test", action: "test.event", payload: { when: new Date() as never } })).rejects.toThrow(
      /ISO 8601/,
    );
    expect(await database.sql`select 1 from audit_log`).toHaveLength(0);
  });

  it("chains concurrent writers (some rolling back) and concurrent sealers into one gap-free chain", async () => {
    const writers = Array.from({ length: 60 }, (_, index) =>
      database.db
        .transaction(async (tx) => {
          await appendAudit(tx, { actor: "test", action: "test.first", payload: { index } });
          // Other work of the writer's transaction happens after its entry; nobody waits for it.
          await new Promise((resolve) => setTimeout(resolve, (index * 7) % 23));
          await appendAudit(tx, { actor: "test", action: "test.second", payload: { index } });
          if (index % 5 === 0) throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        }),
    );
    // Sealing rounds run while writers are still open: they seal what is committed, nothing else.
    const sealers = Array.from({ length: 6 }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 5));
      return sealAuditLog(database.db);
    });
    const sealedWhileWriting = (await Promise.all([...sealers, ...writers])).slice(0, sealers.length) as number[];
    const sealedAfter = await sealAuditLog(database.db);

    const committed = 60 - 12;
    expect(sealedWhileWriting.reduce((sum, count) => sum + count, 0) + sealedAfter).toBe(committed * 2);
    const chain = await readAuditLog(database.db);
    expect(chain.map((entry) => entry.seq)).toEqual(Array.from({ length: committed * 2 }, (_, index) => index + 1));
    expect(verifyAuditChain(chain)).toMatchObject({ ok: true, count: committed * 2 });
    const indices = chain.map((entry) => (entry.payload as { index: number }).index);
    expect(indices.some((index) => index % 5 === 0)).toBe(false);
    // Every committed entry is there exactly once.
    expect(new Set(chain.map((entry) => `${entry.action}/${(entry.payload as { index: number }).index}`)).size).toBe(committed * 2);
    expect(await database.sql`select 1 from audit_log where seq is null`).toHaveLength(0);
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true, count: committed * 2 });
  });

  it("continues the chain after entries sealed earlier, and seals a late-committed lower id after higher ones", async () => {
    await appendAudit(database.db, { actor: "test", action: "test.early", payload: {} });
    await sealAuditLog(database.db);
    let releaseSlow: () => void = () => undefined;
    const slow = database.db.transaction(async (tx) => {
      await appendAudit(tx, { actor: "test", action: "test.slow", payload: {} });
      await new Promise<void>((resolve) => (releaseSlow = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await appendAudit(database.db, { actor: "test", action: "test.fast", payload: {} });
    expect(await sealAuditLog(database.db)).toBe(1);
    releaseSlow();
    await slow;
    expect(await sealAuditLog(database.db)).toBe(1);
    const chain = await readAuditLog(database.db);
    expect(chain.map((entry) => entry.action)).toEqual(["test.early", "test.fast", "test.slow"]);
    expect(verifyAuditChain(chain)).toMatchObject({ ok: true, count: 3 });
  });
});

describe("chainUnsealed", () => {
  it("numbers and links entries after the head, in the order given", () => {
    const entry = (id: number) => ({ id, at: "2025-01-01T00:00:00.000Z", actor: "a", action: "x", requestId: null, payload: { id } });
    const seals = chainUnsealed({ seq: 4, hash: "f".repeat(64) }, [entry(9), entry(7)]);
    expect(seals.map((seal) => [seal.id, seal.seq])).toEqual([
      [9, 5],
      [7, 6],
    ]);
    expect(seals[0]?.prevHash).toBe("f".repeat(64));
    expect(seals[1]?.prevHash).toBe(seals[0]?.hash);
    expect(chainUnsealed(null, [entry(1)])[0]).toMatchObject({ seq: 1, prevHash: "0".repeat(64) });
  });
});
