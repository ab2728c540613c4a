import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { sandbox } from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createdApiTokenSchema, createdRequestSchema, exportLinkSchema, requestDetailSchema, requestPlanSchema, userResponseSchema } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, startWorker, verifyBundle, waitForRequests, type RunningWorker } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonHeaders, readBody, readError, signIn, startApiHarness, testPassword, type ApiHarness } from "../../test/api-harness";
import { createApiApp } from "../app";
import { startApiServer, type RunningApiServer } from "../server";

const registry = createConnectorRegistry([referenceConnector]);
const secretBox = createSecretBox(randomBytes(32));
const linkSigningKey = randomBytes(32);

let api: ApiHarness;
let running: RunningSandbox;
let worker: RunningWorker;
let exportDirectory: string;
let downloadDirectory: string;
let subjectEmail: string;

beforeAll(async () => {
  exportDirectory = await mkdtemp(join(tmpdir(), "lethe-api-exports-"));
  downloadDirectory = await mkdtemp(join(tmpdir(), "lethe-api-downloads-"));
  api = await startApiHarness({ registry, secretBox, exportDirectory, linkSigningKey });
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 60_000, people: 0 });
  await createConnectorInstance(
    api.database,
    { registry, secretBox },
    { connectorId: "reference", name: "Reference CRM", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 60_000 },
  );
  const oracle = z.object({
    people: z.array(z.object({ role: z.string(), identifiers: z.array(z.object({ kind: z.string(), value: z.string() })) })),
  });
  const { people } = oracle.parse(await (await fetch(`${running.url}/__sandbox/people`)).json());
  const email = people.find((person) => person.role === "subject")?.identifiers.find((identifier) => identifier.kind === "email");
  if (!email) throw new Error("the reference sandbox has no subject with an e-mail address");
  subjectEmail = email.value;
  worker = await startWorker({ db: api.database, registry, secretBox, exportDirectory, concurrency: 2, pollIntervalMs: 200, log: () => undefined, outboundAllow: loopbackAllowList });
});
afterAll(async () => {
  await worker?.stop();
  await running?.stop();
  await api?.close();
  await rm(exportDirectory, { recursive: true, force: true });
  await rm(downloadDirectory, { recursive: true, force: true });
});

async function fileCompletedAccessRequest(): Promise<string> {
  const filed = await fetch(`${api.url}/api/v1/requests`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.compliance),
    body: JSON.stringify({ type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: subjectEmail }] }),
  });
  expect(filed.status).toBe(201);
  const { request } = await readBody(filed, createdRequestSchema);
  const attested = await fetch(`${api.url}/api/v1/requests/${request.id}/verification/attest`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.compliance),
    body: JSON.stringify({ note: "photo id checked over video call" }),
  });
  expect(attested.status).toBe(200);
  // The household member found through the subject's phone (locate round 1) waits for review;
  // the bundle is written once the reviewer has excluded them and approved.
  await waitForRequests(api.database, [request.id], { timeoutMs: 30_000, orReview: true });
  const plan = await readBody(await fetch(`${api.url}/api/v1/requests/${request.id}/plan`, { headers: jsonHeaders(api.credentials.compliance) }), requestPlanSchema);
  const decisions = plan.items.filter((item) => item.review === "pending").map((item) => ({ id: item.id, decision: "exclude" }));
  if (decisions.length > 0) {
    const reviewed = await fetch(`${api.url}/api/v1/requests/${request.id}/review`, { method: "POST", headers: jsonHeaders(api.credentials.compliance), body: JSON.stringify({ decisions }) });
    expect(reviewed.status).toBe(200);
    const approved = await fetch(`${api.url}/api/v1/requests/${request.id}/plan/approve`, { method: "POST", headers: jsonHeaders(api.credentials.compliance), body: "{}" });
    expect(approved.status).toBe(200);
  }
  await waitForRequests(api.database, [request.id], { timeoutMs: 30_000 });
  return request.id;
}

function askForLink(id: string, auth: { cookie: string } | string, url = api.url): Promise<Response> {
  return fetch(`${url}/api/v1/requests/${id}/export-link`, { method: "POST", headers: jsonHeaders(auth), body: "{}" });
}

describe("downloading an access request's export over HTTP", () => {
  let requestId: string;
  beforeAll(async () => {
    requestId = await fileCompletedAccessRequest();
  });

  it("hands a compliance user a link whose zip verifies against its manifest and the request's checksum", async () => {
    const detail = await readBody(await fetch(`${api.url}/api/v1/requests/${requestId}`, { headers: jsonHeaders(api.credentials.viewer) }), requestDetailSchema);
    expect(detail.request.status).toBe("completed");
    expect(detail.export).toEqual({ available: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const linkResponse = await askForLink(requestId, api.credentials.compliance);
    expect(linkResponse.status).toBe(201);
    const link = await readBody(linkResponse, exportLinkSchema);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const download = await fetch(api.url + link.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="lethe-export-${requestId}.zip"`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const path = join(downloadDirectory, "downloaded.zip");
    await writeFile(path, bytes);

    const verification = await verifyBundle(path, { sha256: detail.export.sha256 ?? "" });
    expect(verification).toMatchObject({ ok: true, problems: [], archive: { matches: true } });
    expect(verification.checked).toBeGreaterThan(0);
    expect(verification.manifest.systems.map((system) => system.connector.id)).toEqual(["reference"]);

    const audit = await api.database.sql<Array<{ action: string }>>`select action from audit_log where request_id = ${requestId} and action = 'export.downloaded'`;
    expect(audit).toHaveLength(1);
  });

  it("refuses the link to a viewer with a 403 envelope", async () => {
    const response = await askForLink(requestId, api.credentials.viewer);
    expect(response.status).toBe(403);
    expect((await readError(response)).code).toBe("forbidden");
    const byToken = await askForLink(requestId, api.credentials.viewerToken);
    expect(byToken.status).toBe(403);
  });

  it("answers a tampered link 401 invalid_download_link without sending the zip", async () => {
    const link = await readBody(await askForLink(requestId, api.credentials.compliance), exportLinkSchema);
    const token = link.url.split("/").at(-1) ?? "";
    const [payload = "", signature = ""] = token.split(".");
    const forged = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { e: number };
    const longer = Buffer.from(JSON.stringify({ ...forged, e: forged.e + 86_400_000 })).toString("base64url");
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    for (const tampered of [`${longer}.${signature}`, `${payload}.${flipped}`, `${payload}`]) {
      const response = await fetch(`${api.url}/api/v1/exports/${tampered}`);
      expect(response.status, tampered).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect((await readError(response)).code).toBe("invalid_download_link");
    }
  });

  it("answers an expired link 401 invalid_download_link", async () => {
    // A second app on the same database and key, whose links live for 1 ms.
    const shortLived = createApiApp({ db: api.database, registry, secretBox, linkSigningKey, downloadLinkTtlMs: 1, log: () => undefined, outboundAllow: loopbackAllowList });
    const server: RunningApiServer = await startApiServer({ app: shortLived, port: 0 });
    try {
      const link = await readBody(await askForLink(requestId, api.credentials.compliance, server.url), exportLinkSchema);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const response = await fetch(api.url + link.url);
      expect(response.status).toBe(401);
      expect((await readError(response)).code).toBe("invalid_download_link");
    } finally {
      await server.close();
    }
  });

  it("stops a link working once the token that minted it is revoked (issue 13)", async () => {
    const created = await fetch(`${api.url}/api/v1/tokens`, { method: "POST", headers: jsonHeaders(api.credentials.admin), body: JSON.stringify({ name: "export robot", role: "compliance" }) });
    const { token, apiToken } = await readBody(created, createdApiTokenSchema);
    const link = await readBody(await askForLink(requestId, token), exportLinkSchema);
    const before = await fetch(api.url + link.url);
    expect(before.status).toBe(200);
    await before.arrayBuffer();

    expect((await fetch(`${api.url}/api/v1/tokens/${apiToken.id}`, { method: "DELETE", headers: jsonHeaders(api.credentials.admin) })).status).toBe(204);
    const after = await fetch(api.url + link.url);
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toMatch(/application\/json/);
    expect((await readError(after)).code).toBe("invalid_download_link");
  });

  it("stops a link working once the user who minted it is disabled, and once their role may no longer download", async () => {
    const createUser = (email: string) =>
      fetch(`${api.url}/api/v1/users`, { method: "POST", headers: jsonHeaders(api.credentials.admin), body: JSON.stringify({ email, role: "compliance", password: testPassword }) });
    const changeUser = (id: string, change: object) => fetch(`${api.url}/api/v1/users/${id}`, { method: "PATCH", headers: jsonHeaders(api.credentials.admin), body: JSON.stringify(change) });
    const mint = async (email: string) => {
      const { user } = await readBody(await createUser(email), userResponseSchema);
      const cookie = await signIn(api.url, email, testPassword);
      const link = await readBody(await askForLink(requestId, { cookie }), exportLinkSchema);
      const first = await fetch(api.url + link.url);
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      return { user, link };
    };

    const leaver = await mint("leaver@example.com");
    expect((await changeUser(leaver.user.id, { disabled: true })).status).toBe(200);
    const afterDisable = await fetch(api.url + leaver.link.url);
    expect(afterDisable.status).toBe(401);
    expect((await readError(afterDisable)).code).toBe("invalid_download_link");

    const demoted = await mint("demoted@example.com");
    expect((await changeUser(demoted.user.id, { role: "viewer" })).status).toBe(200);
    expect((await fetch(api.url + demoted.link.url)).status).toBe(401);

    const downloads = await api.database.sql<Array<{ actor: string }>>`
      select actor from audit_log where request_id = ${requestId} and action = 'export.downloaded' and actor in (${`user:${leaver.user.id}`}, ${`user:${demoted.user.id}`})`;
    expect(downloads).toHaveLength(2);
  });

  it("answers 409 export_unavailable for a request that has no bundle", async () => {
    const filed = await fetch(`${api.url}/api/v1/requests`, {
      method: "POST",
      headers: jsonHeaders(api.credentials.compliance),
      body: JSON.stringify({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "nobody-here@example.com" }] }),
    });
    const { request } = await readBody(filed, createdRequestSchema);
    const response = await askForLink(request.id, api.credentials.compliance);
    expect(response.status).toBe(409);
    expect((await readError(response)).code).toBe("export_unavailable");
  });
});
