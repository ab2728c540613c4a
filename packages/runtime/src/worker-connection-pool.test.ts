import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../test/poll";
import type { WorkerLog } from "./runtime-dependencies";
import { openWorkerConnectionPool } from "./worker-connection-pool";

describe("the worker's connection pool", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("survives the server ending its connections (57P01), idle or checked out, and reports it as a warning", async () => {
    const lines: Array<{ level: string; message: string; code: unknown }> = [];
    const log: WorkerLog = (level, message, fields) => lines.push({ level, message, code: fields.code });
    const connections = openWorkerConnectionPool(database.url, 2, log);
    try {
      const busy = await connections.pool.connect();
      const idle = await connections.pool.connect();
      const [{ pid: idlePid }] = (await idle.query<{ pid: number }>("select pg_backend_pid() as pid")).rows as [{ pid: number }];
      const [{ pid: busyPid }] = (await busy.query<{ pid: number }>("select pg_backend_pid() as pid")).rows as [{ pid: number }];
      idle.release();

      // What a shutdown or restart of the server does to every connection: an unhandled `error`
      // event here would end this test process.
      await database.sql`select pg_terminate_backend(pid) from pg_stat_activity where pid in (${idlePid}, ${busyPid})`;
      await pollUntil("both connections reported", async () => lines.length >= 2, { timeoutMs: 10_000 });
      busy.release(true);
      // The idle connection's end may reach the pool after the busy one's two lines: only once
      // both are dropped is every connection the pool hands out a live one.
      await pollUntil("the pool drops both ended connections", async () => connections.pool.totalCount === 0, { timeoutMs: 10_000 });

      // pg may follow the server's 57P01 with its own "Connection terminated unexpectedly".
      expect(new Set(lines.map((line) => `${line.level} ${line.message}`))).toEqual(new Set(["warn a worker database connection failed or was closed by the server"]));
      expect(lines.filter((line) => line.code === "57P01").length).toBeGreaterThanOrEqual(1);
      // The pool opens new connections after them.
      expect((await connections.pool.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await connections.end();
    }
  });
});
