import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, routeUrl } from "@lethe/contracts";
import { connectToDatabase } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createApiApp } from "./app";
import { startApiServer, type RunningApiServer } from "./server";
import { readError } from "../test/api-harness";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const reported: unknown[] = [];
let server: RunningApiServer;
let close: () => Promise<void>;
beforeAll(async () => {
  // A pool to a port nothing listens on: every query fails with ECONNREFUSED, as when PostgreSQL is down.
  const url = `postgres://lethe:secret@127.0.0.1:${await freePort()}/lethe`;
  const { sql, db } = connectToDatabase(url, { max: 2 });
  const app = createApiApp({
    db: { sql, db, url, embedded: false, clusterDirectory: null, close: () => sql.end({ timeout: 1 }) },
    log: () => undefined,
    reportUnexpectedError: (error) => reported.push(error),
  });
  server = await startApiServer({ app, port: 0 });
  close = async () => {
    await server.close();
    await sql.end({ timeout: 1 });
  };
});
afterAll(async () => {
  await close();
});

describe("while the database is down", () => {
  it("a route of every area answers 503 database_unavailable with Retry-After, never a 500", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    // One route per area (tag), plus the routes every client depends on: each failed connection
    // attempt refuses one queued query and the next waits for postgres.js's reconnect delay.
    const byTag = new Map<string, string>();
    for (const [operationId, route] of Object.entries(apiRoutes)) if (!byTag.has(route.tag)) byTag.set(route.tag, operationId);
    const chosen = new Set([...byTag.values(), "getHealth", "postLogin", "getRequests", "postRequest", "getRequest"]);
    const answers = await Promise.all(
      Object.entries(apiRoutes)
        .filter(([operationId]) => chosen.has(operationId))
        .map(async ([operationId, route]) => {
        const url = server.url + routeUrl(route.path, { id, connectorId: "reference", token: "t" });
        const response = await fetch(url, {
          signal: AbortSignal.timeout(15_000),
          method: route.method.toUpperCase(),
          // Credentials make authentication reach the database; a public route reaches it by itself.
          headers: { "content-type": "application/json", authorization: "Bearer lethe_0123456789abcdef0123456789abcdef" },
          ...(route.method === "get" ? {} : { body: "{}" }),
        });
        if (response.status === 503) {
          expect((await readError(response)).code, operationId).toBe("database_unavailable");
          expect(Number(response.headers.get("retry-after")), operationId).toBeGreaterThan(0);
        }
        return `${operationId} ${response.status}`;
        }),
    );
    expect(answers.filter((answer) => answer.endsWith(" 500"))).toEqual([]);
    expect(answers).toContain("getHealth 503");
    expect(answers).toContain("getRequests 503");
    expect(answers).toContain("postLogin 503");
    expect(reported).toEqual([]);
  });
});

describe("when the server ends a connection", () => {
  let database: TestDatabase;
  let local: RunningApiServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    local = await startApiServer({ app: createApiApp({ db: database, log: () => undefined }), port: 0 });
  });
  afterAll(async () => {
    await local.close();
    await database.close();
  });

  it("answers 503 for the request it broke and 200 again once a new connection is made", async () => {
    const health = () => fetch(`${local.url}/api/v1/health`);
    expect((await health()).status).toBe(200);
    const admin = connectToDatabase(database.url, { max: 1 });
    try {
      await admin.sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = 'lethe' and pid <> pg_backend_pid()`;
    } finally {
      await admin.sql.end({ timeout: 1 });
    }
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await health()).status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses.at(-1)).toBe(200);
  });
});
