import { randomBytes, randomUUID } from "node:crypto";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import referenceConnector from "@lethe/connector-reference";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox, enqueueJob, readAuditLog as readSealedAuditLog, saveCheckpoint } from "@lethe/db";
import type { TestDatabase } from "@lethe/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { sealAuditLog } from "./audit/seal-audit-log";
import { z } from "zod";
import { pollUntil } from "../test/poll";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { createConnectorInstance } from "./connector-instances";
import { createConnectorRegistry } from "./connector-registry";
import { getPciSweep, InvalidSweepIntervalError, PciSweepNotSupportedError, pciSweepKey, startPciSweep, type PciSweepState } from "./pci-sweep";
import { taskNames } from "./tasks/jobs";

let world: SandboxWorld<RunningSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

const registry = createConnectorRegistry([recorderConnector, referenceConnector]);

async function openSweepWorld(): Promise<SandboxWorld<RunningSandbox>> {
  world = await openSandboxWorld({
    connectors: [recorderConnector, referenceConnector],
    startSandbox: () => recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 }),
    instance: { connectorId: "recorder", name: "Call recorder", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2 },
  });
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
  const state = await pollUntil(`sweep ${id} to end`, () => getPciSweep(database, id), {
    until: (current) => current?.status === "completed" || current?.status === "failed",
    timeoutMs: 60_000,
  });
  if (!state) throw new Error(`sweep ${id} vanished`);
  return state;
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

    const audit = await sealedAuditLog(database);
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
    const auditBefore = (await sealedAuditLog(database)).length;
    await expect(startPciSweep(database, registry, { instanceId: randomUUID(), actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    await expect(startPciSweep(database, registry, { instanceId: "not-a-uuid", actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    await expect(startPciSweep(database, registry, { instanceId: reference.id, actor: "test" })).rejects.toBeInstanceOf(PciSweepNotSupportedError);
    for (const interval of ["2024-01-01/2024-02-01", "2024-02-01T00:00:00Z/2024-01-01T00:00:00Z", "x/y/z"]) {
      await expect(startPciSweep(database, registry, { instanceId: world?.instanceId ?? "", interval, actor: "test" })).rejects.toBeInstanceOf(InvalidSweepIntervalError);
    }
    expect(await getPciSweep(database, "nope")).toBeUndefined();
    expect(await getPciSweep(database, randomUUID())).toBeUndefined();
    expect((await sealedAuditLog(database)).length).toBe(auditBefore);
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

/** The audit chain as it stands once every committed entry is sealed (appends are sealed after commit). */
async function sealedAuditLog(database: TestDatabase) {
  await sealAuditLog(database.db);
  return readSealedAuditLog(database.db);
}
