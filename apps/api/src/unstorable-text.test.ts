import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogLevel } from "@lethe/connector-sdk";
import { createdRequestSchema, holdResponseSchema } from "@lethe/contracts";
import { fieldPaths, jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../test/api-harness";

const lines: Array<{ level: LogLevel; text: string }> = [];
let api: ApiHarness;
let requestId: string;
let holdId: string;
beforeAll(async () => {
  api = await startApiHarness({ log: (level, message, fields) => lines.push({ level, text: JSON.stringify({ message, ...fields }) }) });
  const admin = jsonHeaders(api.credentials.admin);
  const filed = await fetch(`${api.url}/api/v1/requests`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: "nul@example.com" }] }),
  });
  requestId = (await readBody(filed, createdRequestSchema)).request.id;
  const hold = await fetch(`${api.url}/api/v1/holds`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ title: "Case 7", basis: "litigation", owner: "legal", selector: { scope: "case", caseId: "C-7" } }),
  });
  holdId = (await readBody(hold, holdResponseSchema)).hold.id;
});
afterAll(async () => {
  await api.close();
});

const nul = "a\u0000b";

describe("text PostgreSQL cannot store is a 400 naming the field, on every route", () => {
  const cases: Array<{ name: string; method: string; path: () => string; body?: () => unknown; field: string }> = [
    { name: "token name", method: "POST", path: () => "/tokens", body: () => ({ name: nul, role: "viewer" }), field: "body.name" },
    {
      name: "connection name",
      method: "POST",
      path: () => "/connector-instances",
      body: () => ({ connectorId: "reference", name: nul, settings: { baseUrl: "http://127.0.0.1:1" }, secrets: { apiToken: "t" } }),
      field: "body.name",
    },
    {
      name: "connection settings key",
      method: "POST",
      path: () => "/connector-instances",
      body: () => ({ connectorId: "reference", name: "crm", settings: { [nul]: "x" }, secrets: { apiToken: "t" } }),
      field: 'body.settings."a\\u0000b"',
    },
    { name: "attestation note", method: "POST", path: () => `/requests/${requestId}/verification/attest`, body: () => ({ note: nul }), field: "body.note" },
    {
      name: "hold title",
      method: "POST",
      path: () => "/holds",
      body: () => ({ title: nul, basis: "litigation", owner: "legal", selector: { scope: "case", caseId: "C-8" } }),
      field: "body.title",
    },
    {
      name: "hold basis and owner",
      method: "POST",
      path: () => "/holds",
      body: () => ({ title: "t", basis: nul, owner: `x${nul}`, selector: { scope: "case", caseId: "C-9" } }),
      field: "body.basis",
    },
    { name: "cancel reason", method: "POST", path: () => `/requests/${requestId}/cancel`, body: () => ({ reason: nul }), field: "body.reason" },
    { name: "hold end reason", method: "POST", path: () => `/holds/${holdId}/end`, body: () => ({ reason: nul }), field: "body.reason" },
    { name: "request search", method: "GET", path: () => `/requests?q=${encodeURIComponent(nul)}`, field: "query.q" },
    { name: "lone surrogate in a token name", method: "POST", path: () => "/tokens", body: () => ({ name: "x\uD800", role: "viewer" }), field: "body.name" },
  ];

  for (const { name, method, path, body, field } of cases) {
    it(`refuses a NUL in the ${name}`, async () => {
      const response = await fetch(`${api.url}/api/v1${path()}`, {
        method,
        headers: jsonHeaders(api.credentials.admin),
        ...(body ? { body: JSON.stringify(body()) } : {}),
      });
      expect(response.status).toBe(400);
      const error = await readError(response);
      expect(error.code).toBe("validation_failed");
      expect(fieldPaths(error.details)).toContain(field);
    });
  }

  it("refuses a NUL in a path parameter", async () => {
    const response = await fetch(`${api.url}/api/v1/connector-types/${encodeURIComponent(nul)}`, { headers: jsonHeaders(api.credentials.admin) });
    expect(response.status).toBe(400);
    expect(fieldPaths((await readError(response)).details)).toEqual(["params.connectorId"]);
  });

  it("still accepts any other unicode", async () => {
    const response = await fetch(`${api.url}/api/v1/tokens`, {
      method: "POST",
      headers: jsonHeaders(api.credentials.admin),
      body: JSON.stringify({ name: "Ünïcödé 中文 😀 \u202E", role: "viewer" }),
    });
    expect(response.status).toBe(201);
  });
});

describe("a database error's log line", () => {
  it("carries no query parameters above debug", async () => {
    await api.database.sql`alter table subject_identifiers rename to subject_identifiers_gone`;
    try {
      lines.length = 0;
      const response = await fetch(`${api.url}/api/v1/requests`, {
        method: "POST",
        headers: jsonHeaders(api.credentials.admin),
        body: JSON.stringify({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "zed.logged@example.com" }] }),
      });
      expect(response.status).toBe(500);
      const above = lines.filter((line) => line.level !== "debug").map((line) => line.text);
      const error = above.find((line) => line.includes("unexpected error"));
      expect(error).toContain(`"route":"/requests"`);
      expect(error).toContain("DrizzleQueryError");
      expect(error).toContain("42P01");
      expect(above.join("\n")).not.toContain("zed.logged@example.com");
      expect(above.join("\n")).not.toMatch(/params:/);
      // The detail is still there for whoever turns debug on.
      expect(lines.filter((line) => line.level === "debug").map((line) => line.text).join("\n")).toContain("zed.logged@example.com");
    } finally {
      await api.database.sql`alter table subject_identifiers_gone rename to subject_identifiers`;
    }
  });
});
