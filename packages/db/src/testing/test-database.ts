import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { connectToDatabase } from "../connection";
import type { Database } from "../database";
import { advisoryLockNamespace, advisoryLocks } from "../advisory-locks";
import { dropDatabaseIfExists, urlForDatabase } from "../server-databases";
import type { TestPostgres } from "./provided-context";
import "./provided-context";

/** A database of its own for one test (or file); `close()` drops it. */
export type TestDatabase = Database & { name: string };

let admin: postgres.Sql | undefined;

/** The test server's connection details, for tests that need the server itself (e.g. its URL). */
export function testPostgres(): TestPostgres {
  // `inject` answers undefined in a suite whose global setup started no server (the `unit` suite).
  const provided = inject("lethePostgres") as TestPostgres | undefined;
  if (provided === undefined) {
    throw new Error(
      "This test needs PostgreSQL, but it runs in a suite without one. The root vitest config puts a test file in the " +
        "`database` suite when it (or a test helper it imports) imports @lethe/db/testing; see tooling/vitest/test-suites.ts.",
    );
  }
  return provided;
}

/**
 * A fresh, migrated, isolated database cloned from the run's template. Clones are serialised
 * with an advisory lock because PostgreSQL refuses to copy a template that another CREATE
 * DATABASE is copying at the same moment.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testPostgres();
  const name = `${server.testDatabasePrefix}${process.pid}_${randomBytes(4).toString("hex")}`;
  const adminSql = adminConnection(server.adminUrl);
  const lock = await adminSql.reserve();
  try {
    await lock`select pg_advisory_lock(${advisoryLockNamespace}, ${advisoryLocks.testDatabaseClone})`;
    try {
      await lock`create database ${lock(name)} template ${lock(server.templateDatabase)}`;
    } finally {
      await lock`select pg_advisory_unlock(${advisoryLockNamespace}, ${advisoryLocks.testDatabaseClone})`;
    }
  } finally {
    lock.release();
  }
  const url = urlForDatabase(server.adminUrl, name);
  const { sql, db } = connectToDatabase(url, { max: 5 });
  let closing: Promise<void> | undefined;
  return {
    name,
    sql,
    db,
    url,
    embedded: server.embedded,
    // The test server's cluster is private to the run; nothing should be written beside it.
    clusterDirectory: null,
    close: () => {
      closing ??= (async () => {
        await sql.end({ timeout: 5 });
        await dropDatabaseIfExists(adminConnection(server.adminUrl), name);
      })();
      return closing;
    },
  };
}

/** One admin pool per test worker, closed when idle so it never holds a worker open. */
function adminConnection(adminUrl: string): postgres.Sql {
  admin ??= postgres(adminUrl, { max: 2, idle_timeout: 5, onnotice: () => undefined });
  return admin;
}
