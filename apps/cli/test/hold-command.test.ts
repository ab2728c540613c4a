import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe hold create|list|end`, the real binary against a test database. */
describe("lethe hold", () => {
  let database: TestDatabase;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    home = await mkdtemp(path.join(tmpdir(), "lethe-hold-"));
    env = { ...process.env, DATABASE_URL: database.url, LETHE_HOME: home, LETHE_SECRET_KEY: randomBytes(32).toString("hex"), LETHE_LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("places a person hold keeping only hashes, lists it, and ends it with a reason", async () => {
    const created = await runLethe(
      ["hold", "create", "--title", "Dispute 7", "--basis", "Art. 17(3)(e)", "--owner", "Legal", "--email", "Held.Person@Example.com", "--json"],
      env,
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const hold = JSON.parse(created.stdout) as { id: string; scope: string };
    expect(hold.scope).toBe("person");
    expect(created.stdout.toLowerCase()).not.toContain("held.person");
    const stored = JSON.stringify(await database.sql`select * from legal_holds`);
    expect(stored.toLowerCase()).not.toContain("held.person");

    const rule = await runLethe(
      ["hold", "create", "--title", "MiFID calls", "--basis", "MiFID II Art. 16(7)", "--owner", "Compliance", "--rule", "--record-type", "call", "--tag", "transaction", "--years", "5"],
      env,
    );
    expect(rule.code).toBe(0);
    expect(rule.stdout).toMatch(/placed rule hold .* "MiFID calls" \(MiFID II Art\. 16\(7\)\)/);

    const listed = await runLethe(["hold", "list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split("\n")).toHaveLength(2);
    expect(listed.stdout).toContain(`${hold.id}  person  active`);
    expect(listed.stdout.toLowerCase()).not.toContain("held.person");

    const ended = await runLethe(["hold", "end", hold.id, "--reason", "settled"], env);
    expect(ended.code).toBe(0);
    expect(ended.stdout).toContain(`ended hold ${hold.id}`);
    const [row] = await database.sql<Array<{ end_reason: string; ended_by: string }>>`select end_reason, ended_by from legal_holds where id = ${hold.id}`;
    expect(row).toEqual({ end_reason: "settled", ended_by: "cli" });
    const again = await runLethe(["hold", "end", hold.id, "--reason", "twice"], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already ended/);
  });

  it("refuses a hold with no scope, two scopes, a bad identifier or a rule without years, storing nothing", async () => {
    const before = (await database.sql`select count(*)::int as n from legal_holds`)[0]!.n as number;
    const common = ["hold", "create", "--title", "T", "--basis", "B", "--owner", "O"];
    for (const args of [[], ["--case", "C-1", "--rule", "--years", "2"], ["--phone", "12"], ["--rule"], ["--record", "not-a-record"]]) {
      const run = await runLethe([...common, ...args], env);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stderr, args.join(" ")).not.toBe("");
    }
    expect((await database.sql`select count(*)::int as n from legal_holds`)[0]!.n).toBe(before);
  });
});
