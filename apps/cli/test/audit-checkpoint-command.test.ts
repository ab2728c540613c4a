import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe audit verify` against signed checkpoints in LETHE_HOME: the real binary, a test database. */
describe("lethe audit verify with checkpoints", () => {
  let database: TestDatabase;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    home = await mkdtemp(path.join(tmpdir(), "lethe-audit-"));
    env = { ...process.env, DATABASE_URL: database.url, LETHE_HOME: home, LETHE_SECRET_KEY: randomBytes(32).toString("hex"), LETHE_LOG_LEVEL: "warn" };
    for (const title of ["one", "two", "three"]) {
      const placed = await runLethe(["hold", "create", "--title", title, "--basis", "litigation", "--owner", "Legal", "--case", `C-${title}`], env);
      expect(placed.code, placed.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("checkpoints an intact chain with a key of mode 0600, then reports a truncated log as tampered", async () => {
    const intact = await runLethe(["audit", "verify"], env);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: 3 entries \(checkpoint written\)/);
    expect((await stat(path.join(home, "audit-checkpoint.key"))).mode & 0o777).toBe(0o600);

    const again = await runLethe(["audit", "verify"], env);
    expect(again.stdout).toMatch(/audit chain intact: 3 entries; checkpoint at \d{4}-/);

    await database.sql`delete from audit_log where seq = 3`;
    const tail = await runLethe(["audit", "verify"], env);
    expect(tail.code).toBe(1);
    expect(tail.stderr).toMatch(/tampered: 1 entries missing since checkpoint at \d{4}-/);

    await database.sql`truncate audit_log`;
    const truncated = await runLethe(["audit", "verify"], env);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/tampered: 3 entries missing since checkpoint at/);
    expect(truncated.stdout).not.toContain("intact");
  });
});
