import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import referenceConnector from "@lethe/connector-reference";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox, enqueueJob, readAuditLog, saveCheckpoint } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createConnectorInstance } from "./connector-instances";
import { createConnectorRegistry } from "./connector-registry";
import { getPciSweep, InvalidSweepIntervalError, PciSweepNotSupportedError, pciSweepKey, startPciSweep, type PciSweepState } from "./pci-sweep";
import { taskNames } from "./tasks/jobs";
import { startWorker, type RunningWorker } from "./worker";

interface SweepWorld {
  database: TestDatabase;
  running: RunningSandbox;
  worker: RunningWorker;
  exportDirectory: string;
  instanceId: string;
}

let world: SweepWorld | undefined;

afterEach(async () => {
  if (!world) return;
  await world.worker.stop();
  await world.running.stop();
  await world.database.close();
  await rm(world.exportDirectory, { recursive: true, force: true });
  world = undefined;
});

const registry = createConnectorRegistry([recorderConnector, referenceConnector]);

async function openSweepWorld(): Promise<SweepWorld> {
  const database = await createTestDatabase();
  const running = await recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 });
  const secretBox = createSecretBox(randomBytes(32));
  const instance = await createConnectorInstance(
    database,
    { registry, secretBox },
    { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
  );
  const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-exports-"));
  const worker = await startWorker({ db: database, registry, secretBox, exportDirectory, concurrency: 2, pollIntervalMs: 50, log: () => undefined });
  world = { database, running, worker, exportDirectory, instanceId: instance.id };
  return world;
}

const oracleRecordings = z.object({
  recordings: z.array(
    z.object({
      id: z.string(),
      legalHold: z.object({ holdId: z.string() }).loose().nullable(),
      fileState: z.string(),
      cardMentions: z.array(z.object({ channel: z.int(), startMs: z.int(), endMs: z.int() }).loose()),
      redactions: z.array(z.object({ channel: z.int(), startMs: z.int(), endMs: z.int(), label: z.string() }).loose()),
    }),
  ),
});

async function truth(running: RunningSandbox) {
  return oracleRecordings.parse(await (await fetch(`${running.url}/__sandbox/recordings`)).json()).recordings;
}

async function settled(database: TestDatabase, id: string): Promise<PciSweepState> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await getPciSweep(database, id);
    if (state && (state.status === "completed" || state.status === "failed")) return state;
    if (Date.now() > deadline) throw new Error(`sweep ${id} still ${state?.status ?? "missing"}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the PCI sweep job", () => {
  it("removes every seeded card number through the worker, held calls included, and records progress and audit", async () => {
    const { database, running, instanceId } = await openSweepWorld();
    const before = await truth(running);
    const mentions = before.flatMap((recording) => recording.cardMentions.map((mention) => ({ recording, mention })));
    expect(mentions.length).toBeGreaterThan(0);

    const started = await startPciSweep(database, registry, { instanceId, actor: "test" });
    expect(started.status).toBe("queued");
    const done = await settled(database, started.id);
    expect(done).toMatchObject({ status: "completed", error: null, cursor: null, recordingsScanned: before.length, cardsRemoved: mentions.length });
    expect(done.pages).toBeGreaterThan(1);
    expect(done.heldRecordingsRedacted).toBeGreaterThan(0);

    const after = new Map((await truth(running)).map((recording) => [recording.id, recording]));
    for (const { recording, mention } of mentions) {
      if (recording.fileState === "DELETED") continue;
      const now = after.get(recording.id);
      expect(now?.redactions.some((r) => r.label === "card" && r.channel === mention.channel && r.startMs <= mention.startMs && r.endMs >= mention.endMs)).toBe(true);
    }
    const calls = before.filter((recording) => recording.cardMentions.length > 0);
    expect(done.recordingsRedacted).toBe(calls.length);

    const audit = await readAuditLog(database.db);
    const mine = audit.filter((entry) => (entry.payload as { sweepId?: string }).sweepId === started.id);
    expect(mine.map((entry) => entry.action).filter((action, i, all) => all.indexOf(action) === i)).toEqual([
      "pci_sweep.started",
      "pci_sweep.recording_redacted",
      "pci_sweep.completed",
    ]);
    const redactedIds = mine.filter((entry) => entry.action === "pci_sweep.recording_redacted").map((entry) => (entry.payload as { recordingId: string }).recordingId);
    expect(redactedIds.sort()).toEqual(calls.map((recording) => recording.id).sort());

    // A second sweep finds nothing left and changes nothing.
    const again = await settled(database, (await startPciSweep(database, registry, { instanceId, actor: "test" })).id);
    expect(again).toMatchObject({ status: "completed", cardsRemoved: 0, recordingsRedacted: 0, recordingsScanned: before.length });
    expect((await truth(running)).map((recording) => recording.redactions)).toEqual([...after.values()].map((recording) => recording.redactions));
  });

  it("refuses an unknown instance, a connector that cannot sweep, and a malformed interval, writing nothing", async () => {
    const { database, running } = await openSweepWorld();
    const reference = await createConnectorInstance(
      database,
      { registry, secretBox: createSecretBox(randomBytes(32)) },
      { connectorId: "reference", name: "Reference", settings: { baseUrl: running.url }, secrets: { apiToken: "rcrm_0123456789abcdef0123456789abcdef" } },
    );
    const auditBefore = (await readAuditLog(database.db)).length;
    await expect(startPciSweep(database, registry, { instanceId: randomUUID(), actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    await expect(startPciSweep(database, registry, { instanceId: "not-a-uuid", actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    await expect(startPciSweep(database, registry, { instanceId: reference.id, actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    for (const interval of ["2024-01-01/2024-02-01", "2024-02-01T00:00:00Z/2024-01-01T00:00:00Z", "x/y/z"]) {
      await expect(startPciSweep(database, registry, { instanceId: world?.instanceId ?? "", interval, actor: "test" })).rejects.toBeInstanceOf(InvalidSweepIntervalError);
    }
    expect(await getPciSweep(database, "nope")).toBeUndefined();
    expect(await getPciSweep(database, randomUUID())).toBeUndefined();
    expect((await readAuditLog(database.db)).length).toBe(auditBefore);
  });

  it("resumes from the cursor saved in job_checkpoints: the calls before it are not touched again", async () => {
    const { database, running, instanceId } = await openSweepWorld();
    const interval = "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z";
    // What a worker killed after its first page left behind: the page's cursor, its counts.
    const credentials = z.object({ clientId: z.string(), clientSecret: z.string() }).parse(running.credentials);
    const token = z.object({ access_token: z.string() }).parse(
      await (
        await fetch(`${running.url}/oauth/token`, {
          method: "POST",
          headers: { authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        })
      ).json(),
    ).access_token;
    const firstPage = z.object({ entities: z.array(z.object({ id: z.string() })), nextCursor: z.string() }).parse(
      await (
        await fetch(`${running.url}/v1/recordings:search`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ interval, includeDeleted: true, pageSize: 25 }),
        })
      ).json(),
    );
    const now = new Date().toISOString();
    const id = randomUUID();
    const crashed: PciSweepState = {
      id, instanceId, interval, status: "running", cursor: firstPage.nextCursor, pages: 1, recordingsScanned: 25,
      recordingsRedacted: 0, cardsRemoved: 0, heldRecordingsRedacted: 0, startedAt: now, updatedAt: now, finishedAt: null, error: null,
    };
    await saveCheckpoint(database.db, pciSweepKey(id), crashed);
    await enqueueJob(database.db, { task: taskNames.pciSweep, payload: { sweepId: id }, jobKey: `${taskNames.pciSweep}:${id}` });

    const done = await settled(database, id);
    const after = await truth(running);
    const skipped = new Set(firstPage.entities.map((entity) => entity.id));
    const rest = after.filter((recording) => !skipped.has(recording.id));
    const before = after.filter((recording) => skipped.has(recording.id));
    expect(before.some((recording) => recording.cardMentions.length > 0)).toBe(true);
    expect(before.every((recording) => recording.redactions.length === 0)).toBe(true);
    expect(done).toMatchObject({
      status: "completed",
      recordingsScanned: after.length,
      cardsRemoved: rest.reduce((sum, recording) => sum + recording.cardMentions.length, 0),
    });
    expect(rest.filter((recording) => recording.cardMentions.length > 0 && recording.fileState !== "DELETED").every((recording) => recording.redactions.length > 0)).toBe(true);
  });
});
