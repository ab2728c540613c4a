import { createServer } from "node:net";
import { connectToDatabase } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";
import { summariseError } from "./error-summary";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

/** Runs a slow statement on `run` and terminates its backend from another connection (57P01). */
async function terminatedWhileRunning(run: (sleep: () => Promise<unknown>) => Promise<unknown>) {
  const failure = caught(() => run(() => database.sql`select pg_sleep(30), 'victim' as marker`));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await database.sql`select pg_terminate_backend(pid) from pg_stat_activity where query like '%''victim'' as marker%' and pid <> pg_backend_pid()`;
  return failure;
}

describe("a database that cannot be reached", () => {
  it("is told apart when the server terminates the connection mid-query", async () => {
    const error = await terminatedWhileRunning((sleep) => sleep());
    expect(isDatabaseUnavailable(error)).toBe(true);
    // postgres.js reports either the server's 57P01 or the closed socket, depending on which it reads first.
    expect(summariseError(error)).toMatch(/57P01|CONNECTION_CLOSED/);
  });

  it("is told apart by SQLSTATE class 08 and 57P01-57P03, also when wrapped as a cause", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001"]) {
      const server = Object.assign(new Error("terminating connection"), { code, severity: "FATAL" });
      expect(isDatabaseUnavailable(new Error("Failed query", { cause: server })), code).toBe(true);
    }
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "23505" }))).toBe(false);
  });

  it("is told apart when nothing listens on the port", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const refused = connectToDatabase(`postgres://nobody:secret@127.0.0.1:${port}/none`, { max: 1 });
    try {
      const error = await caught(() => refused.sql`select 1`);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await refused.sql.end({ timeout: 1 });
    }
  });

  it("is not confused with a wrong query, whose summary keeps no parameter or quoted value", async () => {
    const error = await caught(() => database.sql`select ${"subject@example.com"}::uuid`);
    expect(isDatabaseUnavailable(error)).toBe(false);
    const summary = summariseError(error);
    expect(summary).toContain("22P02");
    expect(summary).not.toContain("subject@example.com");
  });
});
