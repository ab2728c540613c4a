import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import referenceConnector from "@lethe/connector-reference";
import { sandbox } from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { connectionTestResultSchema, connectorInstanceResponseSchema } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

/*
 * Where a connection's requests may go (issue 13): stored secrets never follow a changed baseUrl,
 * destinations the outbound policy refuses are refused when written, and "test connection" says
 * the same thing for every way of not getting an answer.
 */

const registry = createConnectorRegistry([referenceConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 9));
let api: ApiHarness;
let strict: ApiHarness;
let vendor: RunningSandbox;
/** Another host on loopback that records every request sent to it: where an attacker would point baseUrl. */
let collector: { server: Server; url: string; seen: Array<{ url: string; headers: IncomingHttpHeaders }> };

beforeAll(async () => {
  vendor = await sandbox.start({ seed: 3, rateLimitPerMinute: 60_000, people: 0 });
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server = createHttpServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "acct_1", name: "Collector" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  collector = { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  // The harness allows loopback (its sandboxes live there); `strict` runs with the default policy.
  api = await startApiHarness({ registry, secretBox });
  strict = await startApiHarness({ registry, secretBox, outboundAllow: [] });
});
afterAll(async () => {
  await api?.close();
  await strict?.close();
  await vendor?.stop();
  await new Promise((resolve) => collector?.server.close(resolve));
});

const post = (harness: ApiHarness, path: string, body: unknown) =>
  fetch(`${harness.url}/api/v1${path}`, { method: "POST", headers: jsonHeaders(harness.credentials.admin), body: JSON.stringify(body) });
const patch = (harness: ApiHarness, path: string, body: unknown) =>
  fetch(`${harness.url}/api/v1${path}`, { method: "PATCH", headers: jsonHeaders(harness.credentials.admin), body: JSON.stringify(body) });
const testConnection = async (harness: ApiHarness, id: string) => readBody(await post(harness, `/connector-instances/${id}/test`, {}), connectionTestResultSchema);
/** Every header value and URL the collector was sent, as one string to search. */
const collected = () => JSON.stringify(collector.seen);

describe("changing where a connection sends its requests", () => {
  it("needs the secrets in the same change; otherwise 400, nothing changes, and the stored token never reaches the new host", async () => {
    const storedToken = (vendor.credentials as { apiToken: string }).apiToken;
    const created = await post(api, "/connector-instances", { connectorId: "reference", name: "CRM (moving)", settings: vendor.settings, secrets: vendor.credentials });
    expect(created.status).toBe(201);
    const { connectorInstance } = await readBody(created, connectorInstanceResponseSchema);
    expect(await testConnection(api, connectorInstance.id)).toMatchObject({ ok: true });

    // The attack: point baseUrl at a host of one's own without re-entering the secret, then test.
    const moved = await patch(api, `/connector-instances/${connectorInstance.id}`, { settings: { baseUrl: collector.url } });
    expect(moved.status).toBe(400);
    const error = await readError(moved);
    expect(error.code).toBe("invalid_configuration");
    expect(error.message).toMatch(/secrets: must be entered again when settings\.baseUrl changes/);
    expect(error.details).toEqual([expect.objectContaining({ path: "body.secrets" })]);
    const kept = await readBody(await fetch(`${api.url}/api/v1/connector-instances/${connectorInstance.id}`, { headers: jsonHeaders(api.credentials.admin) }), connectorInstanceResponseSchema);
    expect(kept.connectorInstance.settings).toEqual(vendor.settings);
    expect(await testConnection(api, connectorInstance.id)).toMatchObject({ ok: true });
    expect(collector.seen).toEqual([]);

    // A change of path on the same host, or of nothing that says where requests go, needs no secrets.
    expect((await patch(api, `/connector-instances/${connectorInstance.id}`, { settings: { baseUrl: `${vendor.url}/` } })).status).toBe(200);

    // With the secret entered again the move is allowed, and only the new secret goes to the new host.
    const reentered = await patch(api, `/connector-instances/${connectorInstance.id}`, { settings: { baseUrl: collector.url }, secrets: { apiToken: "token-for-the-new-host" } });
    expect(reentered.status).toBe(200);
    await testConnection(api, connectorInstance.id);
    expect(collector.seen.length).toBeGreaterThan(0);
    expect(collected()).toContain("Bearer token-for-the-new-host");
    expect(collected()).not.toContain(storedToken);
  });
});

describe("destinations the outbound policy refuses, at write time", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://127.1:5432",
    "http://0x7f.1/",
    "http://017700000001/",
    "http://2130706433/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::]/",
    "http://0.0.0.0:4400/",
    "http://10.0.0.8/",
    "http://172.16.4.2/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://localhost./",
  ])("refuses a connection whose baseUrl is %s with 400 naming the field, and stores nothing", async (baseUrl) => {
    const response = await post(strict, "/connector-instances", { connectorId: "reference", name: `refused ${baseUrl}`, settings: { baseUrl }, secrets: { apiToken: "t" } });
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_configuration");
    expect(error.details).toEqual([expect.objectContaining({ path: "body.settings.baseUrl", message: expect.stringMatching(/refused/) })]);
    const rows = await strict.database.sql<Array<{ n: number }>>`select count(*)::int as n from connector_instances where name = ${`refused ${baseUrl}`}`;
    expect(rows[0]?.n).toBe(0);
  });

  it("refuses moving an existing connection to a refused destination, even with its secrets", async () => {
    const created = await post(strict, "/connector-instances", { connectorId: "reference", name: "public CRM", settings: { baseUrl: "https://crm.example.com" }, secrets: { apiToken: "t" } });
    expect(created.status).toBe(201);
    const { connectorInstance } = await readBody(created, connectorInstanceResponseSchema);
    const moved = await patch(strict, `/connector-instances/${connectorInstance.id}`, { settings: { baseUrl: "http://169.254.169.254/" }, secrets: { apiToken: "t" } });
    expect(moved.status).toBe(400);
    expect((await readError(moved)).details).toEqual([expect.objectContaining({ path: "body.settings.baseUrl" })]);
  });

  it("refuses a webhook to a refused address with 400 naming url", async () => {
    for (const url of ["http://169.254.169.254/hook", "http://[::1]:9000/hook", "http://0.0.0.0/hook"]) {
      const response = await post(strict, "/webhooks", { url, events: ["deadline.overdue"] });
      expect(response.status, url).toBe(400);
      const error = await readError(response);
      expect(error.code).toBe("validation_failed");
      expect(error.details).toEqual([expect.objectContaining({ path: "body.url" })]);
    }
  });

  it("refuses at connection time what was stored before the policy: no request reaches the host", async () => {
    const before = collector.seen.length;
    const { id } = await createConnectorInstance(strict.database, { registry, secretBox }, { connectorId: "reference", name: "stored earlier", settings: { baseUrl: collector.url }, secrets: { apiToken: "old-secret" } });
    const result = await testConnection(strict, id);
    expect(result).toMatchObject({ ok: false, code: "configuration" });
    expect(result.message).toMatch(/refused \(loopback\)/);
    expect(collector.seen.length).toBe(before);
  });
});

describe("test connection", () => {
  /** A TCP port that was free a moment ago: nothing listens there. */
  async function closedPort(): Promise<number> {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  it("says only 'could not reach the vendor' whether the port is closed or open to something that is not the vendor; a real vendor's 401 is auth", async () => {
    // An open port that hangs up at once (a database, an SSH daemon: not an HTTP vendor).
    const hangUp: TcpServer = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => hangUp.listen(0, "127.0.0.1", resolve));
    try {
      const targets = [`http://127.0.0.1:${await closedPort()}`, `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}`];
      const results = [];
      for (const [index, baseUrl] of targets.entries()) {
        const created = await post(api, "/connector-instances", { connectorId: "reference", name: `probe ${index}`, settings: { baseUrl }, secrets: { apiToken: "t" } });
        const { connectorInstance } = await readBody(created, connectorInstanceResponseSchema);
        results.push(await testConnection(api, connectorInstance.id));
      }
      for (const result of results) expect(result).toMatchObject({ ok: false, code: "unreachable", message: "could not reach the vendor" });

      const wrongToken = await post(api, "/connector-instances", { connectorId: "reference", name: "wrong token", settings: vendor.settings, secrets: { apiToken: "not-the-token" } });
      const { connectorInstance } = await readBody(wrongToken, connectorInstanceResponseSchema);
      expect(await testConnection(api, connectorInstance.id)).toMatchObject({ ok: false, code: "auth" });
    } finally {
      await new Promise((resolve) => hangUp.close(resolve));
    }
  });
});
