import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createConnectorInstance, createConnectorRegistry, prepareWorkerSchema } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe retention sync|list|dry-run|approve|run`, the real binary, a checked-in file and the recorder sandbox. */
describe("lethe retention", () => {
  const day = 86_400_000;
  const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString().replace(/\.\d{3}Z$/, "Z");
  const agent = { aor: "sip:agent.7@cc.example.com", role: "agent", channel: 1 };
  const caller = (n: number) => ({ aor: `tel:+1201555${String(n).padStart(4, "0")}`, role: "customer", channel: 0 });
  const world = {
    calls: [
      { id: "rec_old1", startTime: daysAgo(200), participants: [caller(1), agent] },
      { id: "rec_old2", startTime: daysAgo(150), participants: [caller(2), agent], qualityTraining: "given" },
      { id: "rec_recent", startTime: daysAgo(5), participants: [caller(3), agent] },
    ],
  };
  const schedule = { name: "recordings 90 days", connectorInstance: "Call recorder", recordType: "recording", period: "P90D", action: "erase", keepWhenTagged: ["consent:quality-training"] };
  let database: TestDatabase;
  let running: RunningSandbox;
  let home: string;
  let file: string;
  let env: NodeJS.ProcessEnv;
  const stored = async () => ((await (await fetch(`${running.url}/__sandbox/recordings`)).json()) as { recordings: unknown[] }).recordings.length;

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000, world });
    home = await mkdtemp(path.join(tmpdir(), "lethe-retention-"));
    file = path.join(home, "lethe.retention.json");
    const key = randomBytes(32);
    const registry = createConnectorRegistry([recorderConnector]);
    await prepareWorkerSchema(database);
    await createConnectorInstance(
      database,
      { registry, secretBox: createSecretBox(key) },
      { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials },
    );
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      LETHE_HOME: home,
      LETHE_SECRET_KEY: key.toString("hex"),
      LETHE_LOG_LEVEL: "warn",
      LETHE_OUTBOUND_ALLOW: new URL(running.url).hostname,
      LETHE_RETENTION_FILE: file,
    };
  });
  afterAll(async () => {
    await running?.stop();
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("applies the file, dry-runs without changing anything, refuses to run unapproved terms, then approves and starts a sweep", async () => {
    await writeFile(file, JSON.stringify({ schedules: [schedule] }));
    const listed = await runLethe(["retention", "list"], env);
    expect(listed.stderr).toBe("");
    expect(listed.stdout).toContain("recordings 90 days: recording on Call recorder, erase after P90D unless tagged consent:quality-training (from file; waiting for approval)");

    const early = await runLethe(["retention", "run", "recordings 90 days"], env);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/approve its terms first/);

    const before = await stored();
    const dryRun = await runLethe(["retention", "dry-run", "recordings 90 days"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain("found 2: would erase 1, keep 1");
    expect(dryRun.stdout).toContain("erase recording/rec_old1");
    expect(dryRun.stdout).toContain("kept: tagged consent:quality-training, which the schedule keeps — recording/rec_old2");
    expect(await stored()).toBe(before);

    const approved = await runLethe(["retention", "approve", "recordings 90 days"], env);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/^approved "recordings 90 days"/);
    const run = await runLethe(["retention", "run", "recordings 90 days"], env);
    expect(run.code).toBe(0);
    const sweeps = await database.sql<Array<{ status: string; started_by: string }>>`select status, started_by from retention_runs where kind = 'sweep'`;
    expect(sweeps).toEqual([{ status: "queued", started_by: "cli" }]);
    const jobs = await database.sql`select 1 from graphile_worker.jobs where task_identifier = 'lethe.retention.sweep'`;
    expect(jobs).toHaveLength(1);

    // Changing the file's terms withdraws the approval: the schedule waits again.
    await writeFile(file, JSON.stringify({ schedules: [{ ...schedule, period: "P30D" }] }));
    const relisted = await runLethe(["retention", "list"], env);
    expect(relisted.stdout).toContain("erase after P30D");
    expect(relisted.stdout).toContain("waiting for approval");
  });

  it("refuses a file that does not parse or names what cannot run, naming the field", async () => {
    await writeFile(file, JSON.stringify({ schedules: [{ ...schedule, period: "ninety days" }] }));
    const badPeriod = await runLethe(["retention", "list"], env);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain("schedules.0.period");
    await writeFile(file, JSON.stringify({ schedules: [{ ...schedule, recordType: "ticket" }] }));
    const badType = await runLethe(["retention", "list"], env);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/recordType: .*"ticket"/);
  });
});
