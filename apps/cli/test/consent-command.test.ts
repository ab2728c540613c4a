import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, startWorker, type RunningWorker } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe consent read|gaps`, the real binary against a test database, a recorder sandbox and a worker. */
describe("lethe consent", () => {
  let database: TestDatabase;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let running: RunningSandbox;
  let worker: RunningWorker;
  let instanceId: string;

  beforeAll(async () => {
    const key = randomBytes(32);
    database = await createTestDatabase();
    home = await mkdtemp(path.join(tmpdir(), "lethe-consent-"));
    env = { ...process.env, DATABASE_URL: database.url, LETHE_HOME: home, LETHE_SECRET_KEY: key.toString("hex"), LETHE_LOG_LEVEL: "warn" };
    running = await recorderSandbox.start({
      seed: 5,
      rateLimitPerMinute: 1_000_000,
      world: {
        calls: [
          {
            id: "rec_clicall",
            startTime: "2025-04-01T08:00:00Z",
            participants: [
              { aor: "tel:+447700900511", role: "customer", channel: 0, consent: "given" },
              { aor: "sip:agent.9@pbx.example.com", role: "agent", channel: 1 },
              { aor: "tel:+447700900522", role: "third-party", channel: 2, joinedAtMs: 1500 },
            ],
            lines: [{ participant: 1, text: "Hello you are through to the help desk" }, { participant: 2, text: "I am joining this call as well" }],
          },
        ],
      },
    });
    const registry = createConnectorRegistry([recorderConnector]);
    const secretBox = createSecretBox(key);
    instanceId = (await createConnectorInstance(database, { registry, secretBox }, { connectorId: "recorder", name: "Recorder", settings: running.settings, secrets: running.credentials })).id;
    worker = await startWorker({ db: database, registry, secretBox, exportDirectory: home, pollIntervalMs: 50, log: () => undefined, outboundAllow: loopbackAllowList });
  });
  afterAll(async () => {
    await worker?.stop();
    await running?.stop();
    await database?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("reads the calls in and lists the unconsented party without their number", async () => {
    const read = await runLethe(["consent", "read", "--instance", instanceId, "--interval", "2025-01-01T00:00:00Z/2026-01-01T00:00:00Z", "--wait"], env);
    expect(read.stderr).toBe("");
    expect(read.code).toBe(0);
    expect(read.stdout).toContain("completed: 1 calls read, 3 participants, 1 lacking consent");

    const gaps = await runLethe(["consent", "gaps"], env);
    expect(gaps.code).toBe(0);
    expect(gaps.stdout).toMatch(/Recorder\s+2025-04\s+1\s+1/);
    expect(gaps.stdout).toMatch(/rec_clicall\s+2025-04-01T08:00:00.000Z\s+conference\s+all-party \(GB\)\s+1500-/);
    expect(gaps.stdout).not.toContain("900522");

    const json = JSON.parse((await runLethe(["consent", "gaps", "--json"], env)).stdout) as { total: number };
    expect(json.total).toBe(1);
  });

  it("refuses an instance that reports no consent evidence and a malformed instant", async () => {
    const unknown = await runLethe(["consent", "read", "--instance", "00000000-0000-4000-8000-000000000000"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/reports no consent evidence/);
    const bad = await runLethe(["consent", "gaps", "--from", "yesterday"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not an ISO 8601 instant/);
  });
});
