import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import referenceConnector from "@lethe/connector-reference";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { pciSweepSchema, recordingOutcomeListSchema, type PciSweep } from "@lethe/contracts";
import { createSecretBox, insertReceipt, listLocatedRecords, upsertLocatedRecord, upsertPlanItems } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, fileRequest, startWorker } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../test/api-harness";

/*
 * The recordings routes against the recorder sandbox: a PCI sweep run by a real worker, then a
 * request whose located recordings carry the receipts an erasure leaves (deleted, retained under
 * a hold, redacted), shown per recording and played through the API.
 */

const registry = createConnectorRegistry([recorderConnector, referenceConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 7));
let api: ApiHarness;
let running: RunningSandbox;
let instanceId: string;
let exportDirectory: string;

const oracleRecordings = z.object({
  recordings: z.array(
    z.object({
      id: z.string(),
      fileState: z.string(),
      legalHold: z.object({ holdId: z.string(), basis: z.string() }).loose().nullable(),
      cardMentions: z.array(z.unknown()),
      redactions: z.array(z.object({ channel: z.int(), startMs: z.int(), endMs: z.int() }).loose()),
    }),
  ),
});
const truth = async () => oracleRecordings.parse(await (await fetch(`${running.url}/__sandbox/recordings`)).json()).recordings;
const media = async (id: string) => Buffer.from(await (await fetch(`${running.url}/__sandbox/recordings/${id}/media`)).arrayBuffer());

beforeAll(async () => {
  running = await recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 });
  api = await startApiHarness({ registry, secretBox });
  exportDirectory = await mkdtemp(join(tmpdir(), "lethe-api-recordings-"));
  instanceId = (
    await createConnectorInstance(
      api.database,
      { registry, secretBox },
      { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
    )
  ).id;
});
afterAll(async () => {
  await api.close();
  await running.stop();
  await rm(exportDirectory, { recursive: true, force: true });
});

async function sweepToEnd(): Promise<PciSweep> {
  const worker = await startWorker({ db: api.database, registry, secretBox, exportDirectory, pollIntervalMs: 50, log: () => undefined, outboundAllow: loopbackAllowList });
  try {
    const started = await fetch(`${api.url}/api/v1/connector-instances/${instanceId}/pci-sweeps`, {
      method: "POST",
      headers: jsonHeaders(api.credentials.admin),
      body: JSON.stringify({}),
    });
    expect(started.status).toBe(201);
    const { id } = await readBody(started, pciSweepSchema);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const sweep = await readBody(await fetch(`${api.url}/api/v1/pci-sweeps/${id}`, { headers: jsonHeaders(api.credentials.viewer) }), pciSweepSchema);
      if (sweep.status === "completed" || sweep.status === "failed") return sweep;
      if (Date.now() > deadline) throw new Error(`sweep still ${sweep.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await worker.stop();
  }
}

describe("PCI sweep routes", () => {
  it("start a sweep that removes every seeded card number and report its result", async () => {
    const mentions = (await truth()).reduce((sum, recording) => sum + recording.cardMentions.length, 0);
    const sweep = await sweepToEnd();
    expect(sweep).toMatchObject({ status: "completed", error: null, cardsRemoved: mentions, instanceId });
    expect(sweep.heldRecordingsRedacted).toBeGreaterThan(0);
    expect(sweep).not.toHaveProperty("cursor");
  });

  it("answer 400 for a malformed interval and 404 for an unknown sweep or an instance that cannot sweep, never 5xx", async () => {
    const post = (id: string, body: unknown) =>
      fetch(`${api.url}/api/v1/connector-instances/${id}/pci-sweeps`, { method: "POST", headers: jsonHeaders(api.credentials.admin), body: JSON.stringify(body) });
    expect((await post(instanceId, { interval: "last week" })).status).toBe(400);
    expect((await post(instanceId, { interval: "2024-02-01T00:00:00Z/2024-01-01T00:00:00Z" })).status).toBe(400);
    expect((await post(instanceId, { everything: true })).status).toBe(400);
    const unknown = await post("00000000-0000-4000-8000-000000000000", {});
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
    expect((await post("not-a-uuid", {})).status).toBe(400);
    // Redacting across every call is an administrator's act (connectors:write).
    for (const who of [api.credentials.compliance, api.credentials.viewer]) {
      const refused = await fetch(`${api.url}/api/v1/connector-instances/${instanceId}/pci-sweeps`, { method: "POST", headers: jsonHeaders(who), body: "{}" });
      expect(refused.status).toBe(403);
    }
    expect((await fetch(`${api.url}/api/v1/pci-sweeps/00000000-0000-4000-8000-000000000000`, { headers: jsonHeaders(api.credentials.viewer) })).status).toBe(404);
    expect((await fetch(`${api.url}/api/v1/pci-sweeps/nope`, { headers: jsonHeaders(api.credentials.viewer) })).status).toBe(400);
  });
});

describe("a request's recordings", () => {
  it("shows each located recording deleted, retained with its hold, or redacted with its ranges, and plays the redacted audio", async () => {
    const recordings = await truth();
    const redacted = recordings.find((r) => r.redactions.length > 0 && r.legalHold === null && r.fileState !== "DELETED");
    const held = recordings.find((r) => r.legalHold !== null && r.fileState !== "DELETED");
    const deleted = recordings.find((r) => r !== redacted && r !== held && r.legalHold === null);
    const others = recordings.filter((r) => r !== redacted && r !== held && r !== deleted && r.fileState !== "DELETED");
    // excluded: located, but excluded in review as another person's call; waiting: a weak match not reviewed yet;
    // stranger: never located for this request.
    const [excluded, waiting, stranger] = others;
    if (!redacted || !held?.legalHold || !deleted || !excluded || !waiting || !stranger) {
      throw new Error("the seeded world lacks a redacted, a held, a deletable and three other calls");
    }

    // The receipts an erasure run leaves (erase and confirm phases), written as the runtime writes them.
    const { id: requestId } = await fileRequest(api.database, {
      type: "erasure",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: "caller@example.com" }],
      timeZone: "Europe/Berlin",
      defaultRegion: "DE",
      actor: "test",
    });
    const version = { connectorId: "recorder", connectorVersion: recorderConnector.version };
    for (const recording of [redacted, held, deleted, excluded, waiting]) {
      await upsertLocatedRecord(api.database.db, { requestId, instanceId, recordType: "recording", recordId: recording.id, strength: "strong", matchedBy: [], discovered: [] });
    }
    // The plan as the builder leaves it after review.
    const locatedIds = new Map((await listLocatedRecords(api.database.db, { requestId })).map((row) => [row.recordId, row.id]));
    const planItem = (recordId: string, action: string, reason: string, review: string) => ({
      locatedRecordId: locatedIds.get(recordId) ?? "",
      requestId,
      action,
      reason,
      holdId: null,
      retainUntil: null,
      fieldUpdates: null,
      review,
    });
    await upsertPlanItems(api.database.db, [
      planItem(redacted.id, "redact", "strong match by phone", "none"),
      planItem(held.id, "retain", "held", "none"),
      planItem(deleted.id, "erase", "strong match by phone", "none"),
      planItem(excluded.id, "skip", "excluded in review", "exclude"),
      planItem(waiting.id, "erase", "weak match by name", "pending"),
    ]);
    const ranges = redacted.redactions.map((r) => `ch${r.channel} ${r.startMs}-${r.endMs} ms`).join(", ");
    const receipt = (recordId: string, phase: "erase" | "confirm", outcome: string, extra: { detail?: string; hold?: unknown } = {}) =>
      insertReceipt(api.database.db, { requestId, instanceId, ...version, recordType: "recording", recordId, phase, outcome, ...extra });
    await receipt(redacted.id, "erase", "redacted", { detail: `muted ${redacted.redactions.length} audio range(s) (${ranges})` });
    await receipt(held.id, "erase", "retained", { detail: "under legal hold", hold: { id: held.legalHold.holdId, basis: held.legalHold.basis } });
    await receipt(deleted.id, "erase", "pending", { detail: "deletion job job_1" });
    await receipt(deleted.id, "confirm", "erased");

    const list = await fetch(`${api.url}/api/v1/requests/${requestId}/recordings`, { headers: jsonHeaders(api.credentials.viewer) });
    expect(list.status).toBe(200);
    const byId = new Map((await readBody(list, recordingOutcomeListSchema)).recordings.map((r) => [r.recordingId, r]));
    expect(byId.size).toBe(5);
    expect(byId.get(redacted.id)).toMatchObject({
      outcome: "redacted",
      hold: null,
      audioAvailable: true,
      mutedRanges: redacted.redactions.map(({ channel, startMs, endMs }) => ({ channel, startMs, endMs })),
    });
    expect(byId.get(held.id)).toMatchObject({ outcome: "retained", hold: { id: held.legalHold.holdId, basis: held.legalHold.basis }, audioAvailable: true });
    expect(byId.get(deleted.id)).toMatchObject({ outcome: "deleted", audioAvailable: false, mutedRanges: [] });
    // Neither another person's call nor one not reviewed yet is offered for playing.
    expect(byId.get(excluded.id)).toMatchObject({ outcome: "located", audioAvailable: false });
    expect(byId.get(waiting.id)).toMatchObject({ outcome: "located", audioAvailable: false });

    // The player's stream: the recorder's media as it is now, redacted ranges included, byte for byte.
    const audioUrl = (recordingId: string, instance = instanceId, request = requestId) =>
      `${api.url}/api/v1/requests/${request}/recording-audio?instanceId=${encodeURIComponent(instance)}&recordingId=${encodeURIComponent(recordingId)}`;
    const audio = await fetch(audioUrl(redacted.id), { headers: jsonHeaders(api.credentials.compliance) });
    expect(audio.status).toBe(200);
    expect(audio.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(bytes.equals(await media(redacted.id))).toBe(true);
    expect(Number(audio.headers.get("content-length"))).toBe(bytes.length);

    // Only recordings this request's plan includes; bad ids are 400 or 404, never 5xx.
    const statusOf = async (url: string) => (await fetch(url, { headers: jsonHeaders(api.credentials.compliance) })).status;
    expect(await statusOf(audioUrl(stranger.id))).toBe(404);
    expect(await statusOf(audioUrl(excluded.id))).toBe(404);
    // Another person's call, excluded in review: refused with a reason, before the recorder is asked.
    const refusedExcluded = await readError(await fetch(audioUrl(excluded.id), { headers: jsonHeaders(api.credentials.compliance) }));
    expect(refusedExcluded).toMatchObject({ code: "not_found", message: expect.stringMatching(/plan includes/) });
    expect(await statusOf(audioUrl(waiting.id))).toBe(404);
    expect(await statusOf(audioUrl(redacted.id, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await statusOf(audioUrl(redacted.id, instanceId, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await statusOf(audioUrl(redacted.id, "not-a-uuid"))).toBe(400);
    expect(await statusOf(audioUrl("../../etc/passwd"))).toBe(400);
    expect(await statusOf(`${api.url}/api/v1/requests/${requestId}/recording-audio`)).toBe(400);
    expect(await statusOf(`${api.url}/api/v1/requests/00000000-0000-4000-8000-000000000000/recordings`)).toBe(404);
  });

  it("plays only to roles with recordings:listen, and puts every playback on the audit chain: who, which recording, when", async () => {
    const recordings = await truth();
    const playable = recordings.find((r) => r.fileState !== "DELETED");
    if (!playable) throw new Error("the seeded world has no call left to play");
    const { id: requestId } = await fileRequest(api.database, {
      type: "access",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: "listener@example.com" }],
      timeZone: "Europe/Berlin",
      defaultRegion: "DE",
      actor: "test",
    });
    await upsertLocatedRecord(api.database.db, { requestId, instanceId, recordType: "recording", recordId: playable.id, strength: "strong", matchedBy: [], discovered: [] });
    const [located] = await listLocatedRecords(api.database.db, { requestId });
    await upsertPlanItems(api.database.db, [
      { locatedRecordId: located?.id ?? "", requestId, action: "export", reason: "strong match by email", holdId: null, retainUntil: null, fieldUpdates: null, review: "none" },
    ]);
    const url = `${api.url}/api/v1/requests/${requestId}/recording-audio?instanceId=${instanceId}&recordingId=${encodeURIComponent(playable.id)}`;
    const played = async () =>
      api.database.sql<Array<{ actor: string; payload: { recordingId: string; instanceId: string }; at: Date }>>`
        select actor, payload, at from audit_log where request_id = ${requestId} and action = 'recording.played' order by id`;

    // A viewer reads requests but may not listen to calls: 403, and nothing is played or audited.
    for (const who of [api.credentials.viewer, api.credentials.viewerToken]) {
      const refused = await fetch(url, { headers: jsonHeaders(who) });
      expect(refused.status).toBe(403);
      expect((await readError(refused)).code).toBe("forbidden");
    }
    expect(await played()).toEqual([]);

    const startedAt = new Date();
    for (const who of [api.credentials.compliance, api.credentials.adminToken]) {
      const answer = await fetch(url, { headers: jsonHeaders(who) });
      expect(answer.status).toBe(200);
      await answer.arrayBuffer();
    }
    const entries = await played();
    expect(entries.map((entry) => entry.payload)).toEqual([
      { instanceId, recordType: "recording", recordingId: playable.id },
      { instanceId, recordType: "recording", recordingId: playable.id },
    ]);
    expect(entries[0]?.actor).toMatch(/^user:[0-9a-f-]{36}$/);
    expect(entries[1]?.actor).toMatch(/^api-token:[0-9a-f-]{36}$/);
    for (const entry of entries) expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);

    const verification = await fetch(`${api.url}/api/v1/audit/verification`, { headers: jsonHeaders(api.credentials.admin) });
    expect(verification.status).toBe(200);
    expect(await verification.json()).toMatchObject({ ok: true });
  });
});
