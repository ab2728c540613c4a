import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldPaths, jsonHeaders, readError, startApiHarness, type ApiHarness } from "../test/api-harness";
import { bodyLimitBytes } from "./app";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

async function post(body: string, headers: Record<string, string> = jsonHeaders(api.credentials.compliance)) {
  const response = await fetch(`${api.url}/api/v1/requests`, { method: "POST", headers, body });
  return { status: response.status, error: await readError(response) };
}

const valid = { type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "a@example.com" }] };

describe("bad input gets a 4xx envelope, never a 5xx", () => {
  it("answers malformed JSON with 400 invalid_json", async () => {
    const { status, error } = await post("{not json");
    expect(status).toBe(400);
    expect(error.code).toBe("invalid_json");
  });

  it("answers a wrong type with 400 naming the field", async () => {
    const { status, error } = await post(JSON.stringify({ ...valid, identifiers: "a@example.com" }));
    expect(status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(fieldPaths(error.details)).toEqual(["body.identifiers"]);
  });

  it("answers an unknown field with 400 naming it", async () => {
    const { status, error } = await post(JSON.stringify({ ...valid, priority: "high" }));
    expect(status).toBe(400);
    expect(error.details).toEqual([{ path: "body.priority", message: "is not a known field" }]);
  });

  it("answers a body over the limit with 413", async () => {
    const { status, error } = await post(JSON.stringify({ ...valid, padding: "x".repeat(bodyLimitBytes) }));
    expect(status).toBe(413);
    expect(error.code).toBe("payload_too_large");
  });

  it("answers a non-JSON content type with 415", async () => {
    const { status } = await post(JSON.stringify(valid), { ...jsonHeaders(api.credentials.compliance), "content-type": "text/plain" });
    expect(status).toBe(415);
  });

  it("answers a bad query parameter and a bad path id with 400", async () => {
    const headers = jsonHeaders(api.credentials.viewer);
    const query = await fetch(`${api.url}/api/v1/requests?status=done&limit=abc`, { headers });
    expect(query.status).toBe(400);
    expect(fieldPaths((await readError(query)).details).sort()).toEqual(["query.limit", "query.status"]);
    expect((await fetch(`${api.url}/api/v1/requests/not-a-uuid`, { headers })).status).toBe(400);
  });

  it("sends a request id, security headers and no CORS grant", async () => {
    const response = await fetch(`${api.url}/api/v1/requests`, { headers: { ...jsonHeaders(api.credentials.viewer), origin: "https://evil.example" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("locks an account after repeated wrong passwords with 429 and Retry-After", async () => {
    const attempt = () =>
      fetch(`${api.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "viewer@example.com", password: "wrong password!" }),
      });
    for (let index = 0; index < 5; index += 1) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("lets at most 5 of 20 parallel wrong passwords for one account get 401; the rest get 429 with Retry-After", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${api.url}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "raced@example.com", password: "a parallel guess" }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
    for (const answer of answers.filter((each) => each.status === 429)) {
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});
