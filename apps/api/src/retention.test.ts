import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import {
  retentionRunDetailSchema,
  retentionRunListSchema,
  retentionRunSchema,
  retentionScheduleListSchema,
  retentionScheduleResponseSchema,
} from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, prepareWorkerSchema, syncRetentionFile } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldPaths, jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../test/api-harness";

/*
 * Retention schedules over the API against the recorder sandbox: definitions refused with the field
 * at fault and nothing stored, the dry run (counts, samples, kept with reasons, nothing changed),
 * approval of exactly the previewed terms, a sweep refused until then, and file schedules read-only.
 */

const registry = createConnectorRegistry([recorderConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 7));
const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString().replace(/\.\d{3}Z$/, "Z");
const party = (n: number) => ({ aor: `tel:+1201555${String(n).padStart(4, "0")}`, role: "customer", channel: 0, email: `caller.${n}@example.com` });
const agent = { aor: "sip:agent.7@cc.example.com", role: "agent", channel: 1 };
const world = {
  calls: [
    { id: "rec_old1", startTime: daysAgo(400), participants: [party(1), agent] },
    { id: "rec_old2", startTime: daysAgo(200), participants: [party(2), agent] },
    { id: "rec_oldheld", startTime: daysAgo(300), participants: [party(3), agent], legalHold: { holdId: "LH-9", basis: "Regulatory inquiry" } },
    { id: "rec_recent", startTime: daysAgo(10), participants: [party(4), agent] },
  ],
};

let api: ApiHarness;
let running: RunningSandbox;
beforeAll(async () => {
  running = await recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000, world });
  api = await startApiHarness({ registry, secretBox });
  // The sweep's job goes into graphile-worker's queue, which a worker creates.
  await prepareWorkerSchema(api.database);
  await createConnectorInstance(
    api.database,
    { registry, secretBox },
    { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
  );
});
afterAll(async () => {
  await api.close();
  await running.stop();
});

function send(method: string, path: string, auth: { cookie: string } | string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { method, headers: jsonHeaders(auth), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
const definition = { name: "recordings 90 days", connectorInstance: "Call recorder", recordType: "recording", period: "P90D", action: "erase" as const };
const storedRecordings = async () => ((await (await fetch(`${running.url}/__sandbox/recordings`)).json()) as { recordings: unknown[] }).recordings.length;

describe("retention schedules over the API", () => {
  it("refuses a definition that cannot run with the field at fault, storing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...definition, recordType: "transcript" }, "body.recordType"],
      [{ ...definition, connectorInstance: "No such recorder" }, "body.connectorInstance"],
      [{ ...definition, period: "90 days" }, "body.period"],
      [{ ...definition, period: "P0D" }, "body.period"],
      [{ ...definition, action: "anonymise" }, "body.action"],
    ];
    for (const [body, path] of cases) {
      const response = await send("POST", "/retention/schedules", api.credentials.compliance, body);
      expect(response.status, path).toBe(400);
      expect(fieldPaths((await readError(response)).details), path).toContain(path);
    }
    expect(await api.database.sql`select id from retention_schedules`).toHaveLength(0);
  });

  it("previews without changing anything, approves only the previewed terms, and sweeps only approved ones", async () => {
    const created = await send("POST", "/retention/schedules", api.credentials.compliance, definition);
    expect(created.status).toBe(201);
    const { schedule } = await readBody(created, retentionScheduleResponseSchema);
    expect(schedule).toMatchObject({ source: "console", approval: null, instanceName: "Call recorder", connectorId: "recorder" });
    expect((await send("POST", "/retention/schedules", api.credentials.compliance, definition)).status).toBe(409);

    const early = await send("POST", "/retention/runs", api.credentials.compliance, { scheduleId: schedule.id });
    expect(early.status).toBe(409);
    expect((await readError(early)).message).toMatch(/approve/);

    const before = await storedRecordings();
    const previewed = await send("POST", "/retention/preview", api.credentials.compliance, { scheduleId: schedule.id, sampleSize: 1 });
    expect(previewed.status).toBe(201);
    const preview = await readBody(previewed, retentionRunDetailSchema);
    expect(preview.run).toMatchObject({ kind: "preview", status: "completed", fingerprint: schedule.fingerprint, counts: { found: 3, erase: 2, keep: 1 } });
    expect(preview.sampled).toBe(true);
    expect(preview.items.map((item) => item.action).sort()).toEqual(["erase", "keep"]);
    expect(preview.items.find((item) => item.action === "keep")).toMatchObject({ recordId: "rec_oldheld", keepReason: "held by the vendor (Regulatory inquiry, LH-9)" });
    expect(JSON.stringify(preview)).not.toContain("example.com");
    expect(await storedRecordings()).toBe(before);

    const changed = await send("PATCH", `/retention/schedules/${schedule.id}`, api.credentials.compliance, { ...definition, period: "P120D" });
    expect((await readBody(changed, retentionScheduleResponseSchema)).schedule.approval).toBeNull();
    const stale = await send("POST", "/retention/approvals", api.credentials.compliance, { scheduleId: schedule.id, previewRunId: preview.run.id });
    expect(stale.status).toBe(409);
    await send("PATCH", `/retention/schedules/${schedule.id}`, api.credentials.compliance, definition);
    const approved = await send("POST", "/retention/approvals", api.credentials.compliance, { scheduleId: schedule.id, previewRunId: preview.run.id });
    expect(approved.status).toBe(201);
    expect((await readBody(approved, retentionScheduleResponseSchema)).schedule.approval).toMatchObject({ previewRunId: preview.run.id, fingerprint: schedule.fingerprint });

    const started = await send("POST", "/retention/runs", api.credentials.compliance, { scheduleId: schedule.id });
    expect(started.status).toBe(201);
    const run = await readBody(started, retentionRunSchema);
    expect(run).toMatchObject({ kind: "sweep", status: "queued", scheduleId: schedule.id });
    const runs = await readBody(await send("GET", `/retention/runs?scheduleId=${schedule.id}`, api.credentials.viewer), retentionRunListSchema);
    expect(runs.runs.map((listed) => listed.kind)).toEqual(["sweep", "preview"]);
    const detail = await readBody(await send("GET", `/retention/runs/${preview.run.id}`, api.credentials.viewer), retentionRunDetailSchema);
    expect(detail).toMatchObject({ sampled: false });
    expect(detail.items).toHaveLength(3);
    expect((await send("GET", `/retention/runs/00000000-0000-4000-8000-000000000000`, api.credentials.viewer)).status).toBe(404);
  });

  it("keeps schedules from the retention file read-only: the file wins", async () => {
    await syncRetentionFile(
      { database: api.database, registry },
      { schedules: [{ ...definition, name: "from the file", keepWhenTagged: ["consent:quality-training"] }] },
      "test",
    );
    const { schedules } = await readBody(await send("GET", "/retention/schedules", api.credentials.viewer), retentionScheduleListSchema);
    const fromFile = schedules.find((schedule) => schedule.name === "from the file");
    expect(fromFile).toMatchObject({ source: "file", keepWhenTagged: ["consent:quality-training"], approval: null });
    const patched = await send("PATCH", `/retention/schedules/${fromFile?.id}`, api.credentials.admin, definition);
    expect(patched.status).toBe(409);
    expect((await readError(patched)).message).toContain("retention file");
    expect((await send("DELETE", `/retention/schedules/${fromFile?.id}`, api.credentials.admin)).status).toBe(409);
  });
});
