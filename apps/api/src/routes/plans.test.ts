import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { sandbox } from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createdRequestSchema, provenanceGraphSchema, requestDetailSchema, requestPlanSchema } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, startWorker, waitForRequests, type RunningWorker } from "@lethe/runtime";
import { pollUntil } from "@lethe/runtime/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

const registry = createConnectorRegistry([referenceConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 7));

let api: ApiHarness;
let running: RunningSandbox;
let worker: RunningWorker;
let exportDirectory: string;
let subject: { email: string; phone: string };

const person = z.object({
  id: z.string(),
  role: z.string(),
  bystanderOf: z.string().optional(),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
});

beforeAll(async () => {
  exportDirectory = await mkdtemp(join(tmpdir(), "lethe-api-plans-"));
  api = await startApiHarness({ registry, secretBox, exportDirectory, linkSigningKey: randomBytes(32) });
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 60_000, people: 0 });
  await createConnectorInstance(
    api.database,
    { registry, secretBox },
    { connectorId: "reference", name: "Reference CRM", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 60_000 },
  );
  const { people } = z.object({ people: z.array(person) }).parse(await (await fetch(`${running.url}/__sandbox/people`)).json());
  const first = people.find((candidate) => candidate.role === "subject");
  const value = (kind: string) => first?.identifiers.find((identifier) => identifier.kind === kind)?.value ?? "";
  subject = { email: value("email"), phone: value("phone") };
  worker = await startWorker({ db: api.database, registry, secretBox, exportDirectory, concurrency: 2, pollIntervalMs: 200, log: () => undefined, outboundAllow: loopbackAllowList });
});
afterAll(async () => {
  await worker?.stop();
  await running?.stop();
  await api?.close();
  await rm(exportDirectory, { recursive: true, force: true });
});

function send(method: string, path: string, auth: { cookie: string } | string, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { method, headers: jsonHeaders(auth), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function statusOf(id: string): Promise<string> {
  return (await readBody(await send("GET", `/requests/${id}`, api.credentials.viewer), requestDetailSchema)).request.status;
}

async function waitForStatus(id: string, status: string): Promise<void> {
  await pollUntil(`request ${id} to reach ${status}`, () => statusOf(id), { until: (current) => current === status, intervalMs: 200 });
}

describe("plans, review and provenance over the API", () => {
  it("refuses unknown and malformed request ids with 404/400", async () => {
    for (const path of ["plan", "provenance"]) {
      const missing = await send("GET", `/requests/${randomUUID()}/${path}`, api.credentials.viewer);
      expect(missing.status, path).toBe(404);
      expect((await readError(missing)).code).toBe("not_found");
      expect((await send("GET", `/requests/not-a-uuid/${path}`, api.credentials.viewer)).status, path).toBe(400);
    }
    const approve = await send("POST", `/requests/${randomUUID()}/plan/approve`, api.credentials.compliance, {});
    expect(approve.status).toBe(404);
    const review = await send("POST", `/requests/${randomUUID()}/review`, api.credentials.compliance, { decisions: [] });
    expect(review.status).toBe(400);
  });

  it("holds the household's phone-only matches for review, refuses approval until they are decided, and completes", async () => {
    const filed = await send("POST", "/requests", api.credentials.compliance, {
      type: "erasure",
      regime: "gdpr",
      identifiers: [
        { kind: "email", value: subject.email },
        { kind: "phone", value: subject.phone },
      ],
    });
    expect(filed.status).toBe(201);
    const { request } = await readBody(filed, createdRequestSchema);
    await waitForStatus(request.id, "review");

    const plan = await readBody(await send("GET", `/requests/${request.id}/plan`, api.credentials.viewer), requestPlanSchema);
    const pending = plan.items.filter((item) => item.review === "pending");
    expect(pending.length).toBeGreaterThan(0);
    expect(plan.pendingReview).toBe(pending.length);
    expect(pending.every((item) => item.strength === "weak" && item.matchReasons.length > 0)).toBe(true);

    const early = await send("POST", `/requests/${request.id}/plan/approve`, api.credentials.compliance, {});
    expect(early.status).toBe(409);
    expect((await readError(early)).message).toMatch(/still await a review decision/);

    const strong = plan.items.find((item) => item.strength === "strong");
    const wrong = await send("POST", `/requests/${request.id}/review`, api.credentials.compliance, {
      decisions: [{ id: strong?.id, decision: "exclude" }],
    });
    expect(wrong.status).toBe(409);
    expect((await readError(wrong)).message).toMatch(/not awaiting review/);

    const reviewed = await send("POST", `/requests/${request.id}/review`, api.credentials.compliance, {
      decisions: pending.map((item) => ({ id: item.id, decision: "exclude" })),
    });
    expect(reviewed.status).toBe(200);
    const afterReview = await readBody(reviewed, requestPlanSchema);
    expect(afterReview.pendingReview).toBe(0);
    expect(afterReview.items.filter((item) => item.review === "exclude").every((item) => item.action === "skip")).toBe(true);

    const approved = await send("POST", `/requests/${request.id}/plan/approve`, api.credentials.compliance, {});
    expect(approved.status).toBe(200);
    expect((await readBody(approved, requestPlanSchema)).status).toBe("approved");
    await waitForRequests(api.database, [request.id], { timeoutMs: 30_000 });
    expect(await statusOf(request.id)).toBe("completed");

    const relocate = await send("POST", `/requests/${request.id}/relocate`, api.credentials.compliance);
    expect(relocate.status).toBe(409);

    const graph = await readBody(await send("GET", `/requests/${request.id}/provenance`, api.credentials.viewer), provenanceGraphSchema);
    expect(graph.edges.some((edge) => edge.kind === "found")).toBe(true);
    expect(graph.edges.some((edge) => edge.kind === "revealed")).toBe(true);
    expect(graph.nodes.filter((node) => node.kind === "record")).toHaveLength(plan.items.length);

    const audit = JSON.stringify(
      await api.database.sql`select action, payload from audit_log where request_id = ${request.id} and action like 'plan.%'`,
    );
    expect(audit).toContain("plan.reviewed");
    expect(audit).toContain("plan.approved");
    expect(audit.toLowerCase()).not.toContain(subject.email.toLowerCase());
    expect(audit).not.toContain(subject.phone);
  });
});
