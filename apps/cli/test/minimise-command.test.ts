import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getRequest, listSubjectIdentifiers } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { cancelRequest, fileRequest } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe minimise`, the real binary against a test database. */
describe("lethe minimise", () => {
  let database: TestDatabase;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    home = await mkdtemp(path.join(tmpdir(), "lethe-minimise-"));
    env = { ...process.env, DATABASE_URL: database.url, LETHE_HOME: home, LETHE_SECRET_KEY: randomBytes(32).toString("hex"), LETHE_LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("minimises closed requests past the retention period only, and refuses a bad option", async () => {
    const base = { regime: "gdpr" as const, timeZone: "UTC", defaultRegion: "GB", actor: "test" };
    const closed = await fileRequest(database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: "closed@example.org" }] });
    await cancelRequest(database, { requestId: closed.id, reason: "withdrawn by the person", actor: "test" });
    const open = await fileRequest(database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: "open@example.org" }] });

    const withinRetention = await runLethe(["minimise"], env);
    expect(withinRetention.code, withinRetention.stderr).toBe(0);
    expect(withinRetention.stdout).toMatch(/minimised 0 request\(s\).*retention 730 days/);
    expect(await listSubjectIdentifiers(database.db, closed.id)).toHaveLength(1);

    const now = await runLethe(["minimise", "--retention-days", "0"], env);
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toMatch(/minimised 1 request\(s\)/);
    expect(await listSubjectIdentifiers(database.db, closed.id)).toEqual([]);
    expect((await getRequest(database.db, closed.id))?.minimisedAt).toBeInstanceOf(Date);
    expect(await listSubjectIdentifiers(database.db, open.id)).toHaveLength(1);

    const bad = await runLethe(["minimise", "--retention-days", "soon"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--retention-days must be a whole number/);
  }, 120_000);
});
