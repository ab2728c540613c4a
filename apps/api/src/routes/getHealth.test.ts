import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createApiApp } from "../app";
import { startApiServer, type RunningApiServer } from "../server";

let database: TestDatabase;
let server: RunningApiServer;

beforeEach(async () => {
  database = await createTestDatabase();
  server = await startApiServer({ app: createApiApp({ db: database }), port: 0 });
});
afterEach(async () => {
  await server.close();
  await database.close();
});

describe("GET /api/v1/health", () => {
  it("answers 200 with the database ok when a query runs", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 database_unavailable in the error envelope once the database is gone", async () => {
    await database.sql.end({ timeout: 1 });
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "database_unavailable", message: "the database did not answer" } });
  });

  it("sends security headers and no x-powered-by", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
