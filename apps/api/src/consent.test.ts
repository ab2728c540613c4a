import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { consentGapReportSchema, consentRemediationSchema, consentSyncSchema, type ConsentRemediation } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, startWorker, type RunningWorker } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../test/api-harness";

/*
 * The consent routes against the recorder sandbox and a real worker: evidence read into the
 * ledger, the report of calls lacking consent, and a remediation drafted, approved and carried
 * out — with every bad input answered 4xx and each role held to its permissions.
 */

const registry = createConnectorRegistry([recorderConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 9));
let api: ApiHarness;
let running: RunningSandbox;
let worker: RunningWorker;
let instanceId: string;
let exportDirectory: string;

const world = {
  calls: [
    {
      id: "rec_apiconference",
      startTime: "2025-05-02T10:00:00Z",
      participants: [
        { aor: "tel:+447700900111", role: "customer", channel: 0, consent: "given" },
        { aor: "sip:agent.3@pbx.example.com", role: "agent", channel: 1 },
        { aor: "tel:+447700900222", role: "third-party", channel: 2, joinedAtMs: 2500 },
      ],
      lines: [
        { participant: 1, text: "Hello you are through to the bank" },
        { participant: 2, text: "I am joining as the interpreter for this call" },
      ],
    },
  ],
};

beforeAll(async () => {
  running = await recorderSandbox.start({ seed: 3, world, rateLimitPerMinute: 1_000_000 });
  api = await startApiHarness({ registry, secretBox });
  exportDirectory = await mkdtemp(join(tmpdir(), "lethe-api-consent-"));
  instanceId = (
    await createConnectorInstance(
      api.database,
      { registry, secretBox },
      { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
    )
  ).id;
  worker = await startWorker({ db: api.database, registry, secretBox, exportDirectory, pollIntervalMs: 50, log: () => undefined, outboundAllow: loopbackAllowList });
});
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await running.stop();
  await rm(exportDirectory, { recursive: true, force: true });
});

const url = (path: string) => `${api.url}/api/v1${path}`;

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the consent routes", () => {
  it("read the evidence in, list the unconsented party, and carry out an approved remediation", async () => {
    const started = await fetch(url(`/connector-instances/${instanceId}/consent-syncs`), {
      method: "POST",
      headers: jsonHeaders(api.credentials.compliance),
      body: JSON.stringify({ interval: "2025-05-01T00:00:00Z/2025-06-01T00:00:00Z" }),
    });
    expect(started.status).toBe(201);
    const { id: syncId } = await readBody(started, consentSyncSchema);
    const sync = await poll(
      async () => readBody(await fetch(url(`/consent-syncs/${syncId}`), { headers: jsonHeaders(api.credentials.viewer) }), consentSyncSchema),
      (state) => state.status === "completed" || state.status === "failed",
    );
    expect(sync).toMatchObject({ status: "completed", calls: 1, participants: 3, unconsented: 1 });

    const report = await readBody(await fetch(url("/consent/gaps"), { headers: jsonHeaders(api.credentials.viewer) }), consentGapReportSchema);
    expect(report.total).toBe(1);
    const [entry] = report.entries;
    expect(entry).toMatchObject({ role: "conference", channel: 2, joinedAtMs: 2500, consented: false, remediation: null, recording: { id: "rec_apiconference" } });
    expect(JSON.stringify(report)).not.toContain("900222");

    // A viewer reads; only those who manage consent draft and approve.
    const body = JSON.stringify({ entryId: entry?.id, action: "redact-party" });
    expect((await fetch(url("/consent/remediations"), { method: "POST", headers: jsonHeaders(api.credentials.viewer), body })).status).toBe(403);
    const drafted = await fetch(url("/consent/remediations"), { method: "POST", headers: jsonHeaders(api.credentials.compliance), body });
    expect(drafted.status).toBe(201);
    const draft = await readBody(drafted, consentRemediationSchema);
    expect(draft).toMatchObject({ status: "draft", spans: [{ channel: 2, startMs: 2500 }] });
    const again = await fetch(url("/consent/remediations"), { method: "POST", headers: jsonHeaders(api.credentials.compliance), body });
    expect(again.status).toBe(409);

    const approve = () => fetch(url(`/consent/remediations/${draft.id}/approve`), { method: "POST", headers: jsonHeaders(api.credentials.compliance), body: "{}" });
    expect((await approve()).status).toBe(200);
    expect((await approve()).status).toBe(409);
    const done: ConsentRemediation = await poll(
      async () => readBody(await fetch(url(`/consent/remediations/${draft.id}`), { headers: jsonHeaders(api.credentials.viewer) }), consentRemediationSchema),
      (row) => ["completed", "retained", "failed"].includes(row.status),
    );
    expect(done).toMatchObject({ status: "completed", receipt: { outcome: "redacted" } });
    const listed = await readBody(await fetch(url("/consent/gaps"), { headers: jsonHeaders(api.credentials.viewer) }), consentGapReportSchema);
    expect(listed.entries[0]?.remediation).toEqual({ id: draft.id, status: "completed" });
  });

  it("answer 4xx for bad input, never 5xx", async () => {
    const post = (path: string, body: unknown) => fetch(url(path), { method: "POST", headers: jsonHeaders(api.credentials.compliance), body: JSON.stringify(body) });
    const get = (path: string) => fetch(url(path), { headers: jsonHeaders(api.credentials.viewer) });
    expect((await get("/consent/gaps?from=2025-06-01T00:00:00Z&to=2025-05-01T00:00:00Z")).status).toBe(400);
    expect((await get("/consent/gaps?limit=0")).status).toBe(400);
    expect((await get("/consent/gaps?instanceId=x' or 1=1--")).status).toBe(400);
    expect((await post("/consent/remediations", { entryId: "00000000-0000-4000-8000-000000000000", action: "redact-party" })).status).toBe(404);
    const badAction = await post("/consent/remediations", { entryId: "00000000-0000-4000-8000-000000000000", action: "shred" });
    expect(badAction.status).toBe(400);
    expect((await readError(badAction)).code).toBeTruthy();
    expect((await post("/consent/remediations/00000000-0000-4000-8000-000000000000/approve", {})).status).toBe(404);
    expect((await post("/connector-instances/00000000-0000-4000-8000-000000000000/consent-syncs", {})).status).toBe(404);
    expect((await post(`/connector-instances/${instanceId}/consent-syncs`, { interval: "last week" })).status).toBe(400);
    expect((await get("/consent-syncs/nope")).status).toBe(400);
    expect((await get("/consent/remediations/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
