import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { listDeadlineExtensions } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { fileRequest } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe request extend|provenance|relocate`, the real binary against a test database. */
describe("lethe request extend, provenance and relocate", () => {
  let database: TestDatabase;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    home = await mkdtemp(path.join(tmpdir(), "lethe-extend-"));
    env = { ...process.env, DATABASE_URL: database.url, LETHE_HOME: home, LETHE_SECRET_KEY: randomBytes(32).toString("hex"), LETHE_LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  const base = { timeZone: "UTC", defaultRegion: "GB", actor: "test" };

  it("extends a CCPA request once by 45 days with the notice recorded, and refuses a second extension and bad options", async () => {
    const { id } = await fileRequest(database, { ...base, regime: "ccpa", type: "erasure", identifiers: [{ kind: "email", value: "ext@example.org" }] });
    const notice = ["--reason", "many systems", "--notice-channel", "email", "--notice-text", "We need 45 more days."];

    const extended = await runLethe(["request", "extend", id, "--days", "45", ...notice], env);
    expect(extended.code, extended.stderr).toBe(0);
    expect(extended.stdout).toMatch(/now due .* \(extended by 45 day\(s\) in all\)/);
    const [grant] = await listDeadlineExtensions(database.db, id);
    expect(grant).toMatchObject({ unit: "day", totalAmount: 45, noticeChannel: "email", noticeText: "We need 45 more days." });

    const again = await runLethe(["request", "extend", id, "--days", "1", ...notice], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/once|already/i);

    const both = await runLethe(["request", "extend", id, "--days", "1", "--months", "1", ...notice], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exactly one of --months or --days/);
    const badChannel = await runLethe(["request", "extend", id, "--days", "1", "--reason", "r", "--notice-channel", "pigeon", "--notice-text", "t"], env);
    expect(badChannel.code).toBe(2);
    expect(badChannel.stderr).toMatch(/--notice-channel must be one of/);
    expect(await listDeadlineExtensions(database.db, id)).toHaveLength(1);
  }, 180_000);

  it("prints the provenance of a request and refuses to re-locate one that is not in review", async () => {
    const { id } = await fileRequest(database, { ...base, regime: "gdpr", type: "erasure", identifiers: [{ kind: "email", value: "prov@example.org" }] });
    const provenance = await runLethe(["request", "provenance", id], env);
    expect(provenance.code, provenance.stderr).toBe(0);
    expect(provenance.stdout).toMatch(/round 0 {2}email prov@example\.org {2}\(given, strong\)/);

    const relocate = await runLethe(["request", "relocate", id], env);
    expect(relocate.code).toBe(2);
    expect(relocate.stderr).toMatch(/review/);

    const notAnId = await runLethe(["request", "provenance", "nope"], env);
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toMatch(/not a request id/);
  }, 180_000);
});
