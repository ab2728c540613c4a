import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuthError, ConfigurationError, RateLimitedError, ScopeError, TransientError, VendorContractError } from "./errors";
import { createHttpClient, type HttpClientOptions, type HttpExchange } from "./http-client";

type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

let server: Server;
let baseUrl: string;
let handler: Handler = (_request, response) => response.end();
let hits = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits += 1;
    handler(request, response, hits);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  hits = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function respond(status: number, body = "", headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}

/** A client whose waits are recorded instead of slept, with the top of the jitter range. */
function testClient(options: HttpClientOptions = {}) {
  const waits: number[] = [];
  const exchanges: HttpExchange[] = [];
  const client = createHttpClient({
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    onExchange: (exchange) => exchanges.push(exchange),
    ...options,
  });
  return { client, waits, exchanges };
}

describe("createHttpClient", () => {
  it("retries a GET after two 503s with doubling backoff and returns the third answer", async () => {
    handler = (request, response, hit) =>
      hit < 3 ? respond(503)(request, response, hit) : respond(200, '{"ok":true}')(request, response, hit);
    const { client, waits } = testClient();

    const response = await client.request({ method: "GET", url: `${baseUrl}/api/people`, route: "people.list" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(hits).toBe(3);
    expect(waits).toEqual([250, 500]);
  });

  it("waits a short Retry-After inline, reports the throttle and repeats even a POST", async () => {
    handler = (request, response, hit) =>
      hit === 1 ? respond(429, "", { "retry-after": "1" })(request, response, hit) : respond(201)(request, response, hit);
    const throttles: number[] = [];
    const { client, waits } = testClient({
      rateLimiter: { acquire: async () => undefined, reportThrottle: (ms) => void throttles.push(ms) },
    });

    const response = await client.request({ method: "POST", url: `${baseUrl}/api/jobs`, body: { a: 1 } });

    expect(response.status).toBe(201);
    expect(hits).toBe(2);
    expect(waits).toEqual([1000]);
    expect(throttles).toEqual([1000]);
  });

  it("honours a Retry-After given as an HTTP date", async () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    handler = (request, response, hit) =>
      hit === 1
        ? respond(429, "", { "retry-after": new Date(now + 3000).toUTCString() })(request, response, hit)
        : respond(200)(request, response, hit);
    const { client, waits } = testClient({ now: () => now });

    await client.request({ method: "GET", url: `${baseUrl}/x` });

    expect(waits).toEqual([3000]);
  });

  it("turns a long Retry-After into RateLimitedError carrying the wait, without repeating", async () => {
    handler = respond(429, "", { "retry-after": "600" });
    const { client, waits } = testClient();

    const failure = client.request({ method: "GET", url: `${baseUrl}/api/people` });

    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    await expect(failure).rejects.toMatchObject({ retryAfterMs: 600_000 });
    expect(hits).toBe(1);
    expect(waits).toEqual([]);
  });

  it("backs off on a 429 without Retry-After and gives up with RateLimitedError after the retries", async () => {
    handler = respond(429);
    const { client, waits } = testClient({ maxRetries: 2 });

    await expect(client.request({ method: "GET", url: `${baseUrl}/x` })).rejects.toBeInstanceOf(RateLimitedError);
    expect(hits).toBe(3);
    expect(waits).toEqual([250, 500]);
  });

  it("maps 401 to AuthError and 403 to ScopeError without retrying", async () => {
    const { client } = testClient();
    handler = respond(401, '{"error":"invalid_token"}');
    await expect(client.request({ method: "GET", url: `${baseUrl}/me` })).rejects.toBeInstanceOf(AuthError);
    handler = respond(403);
    await expect(client.request({ method: "GET", url: `${baseUrl}/me` })).rejects.toBeInstanceOf(ScopeError);
    expect(hits).toBe(2);
  });

  it("returns other 4xx answers for the connector to interpret", async () => {
    handler = respond(404, '{"error":"not found"}');
    const { client } = testClient();

    const response = await client.request({ method: "DELETE", url: `${baseUrl}/api/people/7` });

    expect(response.status).toBe(404);
    expect(hits).toBe(1);
  });

  it("turns 5xx that outlast the retries into TransientError", async () => {
    handler = respond(500);
    const { client } = testClient({ maxRetries: 2 });

    await expect(client.request({ method: "GET", url: `${baseUrl}/x` })).rejects.toBeInstanceOf(TransientError);
    expect(hits).toBe(3);
  });

  it("does not repeat a POST after a 5xx unless it is marked idempotent", async () => {
    handler = respond(502);
    const { client } = testClient();
    await expect(client.request({ method: "POST", url: `${baseUrl}/x` })).rejects.toBeInstanceOf(TransientError);
    expect(hits).toBe(1);

    hits = 0;
    await expect(client.request({ method: "POST", url: `${baseUrl}/x`, idempotent: true })).rejects.toBeInstanceOf(
      TransientError,
    );
    expect(hits).toBe(4);
  });

  it("times out an attempt that gets no answer and ends with TransientError", async () => {
    handler = () => undefined;
    const { client, exchanges } = testClient({ timeoutMs: 100, maxRetries: 1 });

    await expect(client.request({ method: "GET", url: `${baseUrl}/slow` })).rejects.toBeInstanceOf(TransientError);
    expect(exchanges.map((exchange) => exchange.error)).toEqual(["timeout", "timeout"]);
  });

  it("turns a refused connection into TransientError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { client, exchanges } = testClient({ maxRetries: 1 });

    await expect(client.request({ method: "GET", url: `http://127.0.0.1:${port}/x` })).rejects.toBeInstanceOf(
      TransientError,
    );
    expect(exchanges.map((exchange) => exchange.error)).toEqual(["network", "network"]);
  });

  it("passes a typed refusal from its fetch through at once, without retrying it as a network error", async () => {
    let calls = 0;
    const refusing: typeof fetch = async () => {
      calls += 1;
      throw new ConfigurationError("outbound requests to 127.0.0.1 are refused (loopback)");
    };
    const client = createHttpClient({ fetch: refusing, maxRetries: 3, sleep: async () => undefined });

    await expect(client.request({ method: "GET", url: "http://127.0.0.1/x" })).rejects.toBeInstanceOf(ConfigurationError);
    expect(calls).toBe(1);
  });

  it("stops at once with the abort reason when the caller aborts, without retrying", async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const { client } = testClient({ signal: controller.signal, timeoutMs: 10_000 });
    const reason = new Error("operation cancelled");
    const startedAt = Date.now();

    setTimeout(() => controller.abort(reason), 50);
    await expect(client.request({ method: "GET", url: `${baseUrl}/slow` })).rejects.toBe(reason);

    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(hits).toBe(1);
  });

  it("stops waiting out a backoff when the caller aborts", async () => {
    handler = respond(503);
    const controller = new AbortController();
    const client = createHttpClient({ signal: controller.signal, baseDelayMs: 60_000, random: () => 1 });
    const startedAt = Date.now();

    setTimeout(() => controller.abort(), 50);
    await expect(client.request({ method: "GET", url: `${baseUrl}/x` })).rejects.toMatchObject({ name: "AbortError" });

    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it("keeps query strings and bodies out of error messages and exchange records", async () => {
    handler = respond(500);
    const { client, exchanges } = testClient({ maxRetries: 0 });

    const failure = client.request({
      method: "POST",
      url: `${baseUrl}/api/search`,
      query: { email: "ada@example.com" },
      body: { phone: "+15555550100" },
    });

    await expect(failure).rejects.toThrow("POST /api/search answered 500 on attempt 1");
    const message = await failure.catch((error: Error) => error.message);
    expect(message).not.toContain("ada");
    expect(exchanges[0]?.url).toBe(`${baseUrl}/api/search`);
  });

  it("sends query parameters and a JSON body and reads JSON back", async () => {
    handler = (request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ url: request.url, type: request.headers["content-type"], body }));
      });
    };
    const { client } = testClient();

    const response = await client.request({
      method: "PUT",
      url: `${baseUrl}/api/people/7`,
      query: { page: 2, active: true, skipped: undefined },
      body: { name: "Ada" },
    });

    expect(await response.json()).toEqual({
      url: "/api/people/7?page=2&active=true",
      type: "application/json",
      body: '{"name":"Ada"}',
    });
  });

  it("raises VendorContractError for a body that is not JSON", async () => {
    handler = respond(200, "<html>maintenance</html>");
    const { client } = testClient();

    const response = await client.request({ method: "GET", url: `${baseUrl}/x`, route: "people.list" });

    await expect(response.json()).rejects.toBeInstanceOf(VendorContractError);
  });

  it("asks again when a 2xx body is cut short, and reads the whole answer", async () => {
    handler = (request, response, hit) =>
      hit === 1 ? respond(200, '{"data":[{"id":"7","na')(request, response, hit) : respond(200, '{"data":[]}')(request, response, hit);
    const { client } = testClient();

    const response = await client.request({ method: "GET", url: `${baseUrl}/x`, route: "people.list" });

    expect(await response.json()).toEqual({ data: [] });
    expect(hits).toBe(2);
  });

  it("counts a body that is never JSON as a contract breach after the re-reads, saying how often", async () => {
    handler = respond(200, "<html>maintenance</html>");
    const { client } = testClient({ maxBodyRetries: 2 });

    const response = await client.request({ method: "GET", url: `${baseUrl}/x`, route: "people.list" });

    await expect(response.json()).rejects.toThrow("GET people.list answered 200 with a body that is not JSON 3 times in a row");
    expect(hits).toBe(3);
  });

  it("does not send a POST again for a body that is not JSON", async () => {
    handler = respond(200, '{"id":');
    const { client } = testClient();

    const response = await client.request({ method: "POST", url: `${baseUrl}/x`, route: "jobs.create" });

    await expect(response.json()).rejects.toBeInstanceOf(VendorContractError);
    expect(hits).toBe(1);
  });

  it("names a dropped connection in plain words rather than fetch's bare TypeError", async () => {
    handler = (request) => request.socket.destroy();
    const { client } = testClient({ maxRetries: 1 });

    const failure = await client.request({ method: "GET", url: `${baseUrl}/x`, route: "people.list" }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TransientError);
    expect((failure as Error).message).toMatch(
      /^GET people\.list failed: the (vendor closed the connection \(UND_ERR_SOCKET\)|connection was reset by the vendor \(ECONNRESET\)) on attempt 2$/,
    );
    expect(hits).toBe(2);
  });

  it("hands a 5xx's Retry-After on with the TransientError when the retries run out", async () => {
    handler = respond(503, "", { "retry-after": "120" });
    const { client } = testClient({ maxRetries: 1 });

    const failure = await client.request({ method: "GET", url: `${baseUrl}/x` }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TransientError);
    expect((failure as TransientError).retryAfterMs).toBe(120_000);
  });

  it("streams a binary body chunk by chunk", async () => {
    const bytes = Buffer.alloc(200_000, 7);
    handler = respond(200, bytes.toString("latin1"), { "content-type": "audio/wav" });
    const { client } = testClient();

    const response = await client.request({ method: "GET", url: `${baseUrl}/recording.wav` });
    let size = 0;
    for await (const chunk of response.stream()) size += chunk.byteLength;

    expect(size).toBe(200_000);
    expect(response.headers.get("content-type")).toBe("audio/wav");
  });

  it("asks the rate limiter before every attempt", async () => {
    handler = (request, response, hit) =>
      hit === 1 ? respond(503)(request, response, hit) : respond(200)(request, response, hit);
    let acquired = 0;
    const { client } = testClient({ rateLimiter: { acquire: async () => void (acquired += 1) } });

    await client.request({ method: "GET", url: `${baseUrl}/x` });

    expect(acquired).toBe(2);
  });
});
