import { readAuditLog } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../../test/poll";
import { appendAudits } from "./append-audit";
import { createAuditSealer } from "./audit-sealer";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("the background audit sealer", () => {
  it("seals committed entries shortly after a request, and what is left when it stops", async () => {
    const warnings: string[] = [];
    const sealer = createAuditSealer(database, (level, message) => void (level === "warn" && warnings.push(message)), { delayMs: 20, intervalMs: 60_000 });
    await appendAudits(database.db, [
      { actor: "test", action: "test.one", payload: {} },
      { actor: "test", action: "test.two", payload: {} },
    ]);
    sealer.request();
    sealer.request();
    await pollUntil("the entries to be sealed", async () => (await readAuditLog(database.db)).length === 2, { timeoutMs: 10_000 });

    await appendAudits(database.db, [{ actor: "test", action: "test.three", payload: {} }]);
    await sealer.stop();
    expect((await readAuditLog(database.db)).map((entry) => [entry.seq, entry.action])).toEqual([
      [1, "test.one"],
      [2, "test.two"],
      [3, "test.three"],
    ]);
    expect(warnings).toEqual([]);
  });
});
