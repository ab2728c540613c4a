import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { openDatabase } from "./database";
import * as schema from "./schema";
import { dropDatabaseIfExists, urlForDatabase } from "./server-databases";
import { testPostgres } from "./testing";

// An empty database (not a clone of the migrated template) so that migrations have work to do.
const admin = postgres(testPostgres().adminUrl, { max: 1, onnotice: () => undefined });
const emptyDatabases: string[] = [];

async function createEmptyDatabase(): Promise<string> {
  const name = `${testPostgres().testDatabasePrefix}empty_${emptyDatabases.length}_${process.pid}`;
  await admin`create database ${admin(name)}`;
  emptyDatabases.push(name);
  return urlForDatabase(testPostgres().adminUrl, name);
}

async function tablesIn(sql: postgres.Sql, schema: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = ${schema} order by table_name`;
  return rows.map((row) => row.table_name);
}

function schemaTableNames(): string[] {
  const names: string[] = [];
  for (const value of Object.values(schema) as unknown[]) {
    if (value instanceof PgTable) names.push(getTableConfig(value).name);
  }
  return names.sort();
}

afterAll(async () => {
  for (const name of emptyDatabases) await dropDatabaseIfExists(admin, name);
  await admin.end();
});

describe("openDatabase with a URL", () => {
  it("applies every migration once when several starters migrate the same database at once", async () => {
    const url = await createEmptyDatabase();
    const starters = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url })));
    try {
      const [first] = starters;
      if (!first) throw new Error("no database opened");
      expect(first.embedded).toBe(false);
      expect(first.url).toBe(url);
      // Every table the drizzle schema declares, and nothing else, exists after migrating.
      expect((await tablesIn(first.sql, "public")).sort()).toEqual(schemaTableNames());
      const applied = await first.sql`select hash from drizzle.__drizzle_migrations`;
      const journal = await import("../migrations/meta/_journal.json");
      expect(applied).toHaveLength(journal.entries.length);
    } finally {
      await Promise.all(starters.map((database) => database.close()));
    }
  });

  it("leaves the database untouched when migrate is false", async () => {
    const url = await createEmptyDatabase();
    const database = await openDatabase({ databaseUrl: url, migrate: false });
    try {
      expect(await tablesIn(database.sql, "public")).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("migrates beside a graphile_worker schema without touching it", async () => {
    const url = await createEmptyDatabase();
    const setupSql = postgres(url, { max: 1, onnotice: () => undefined });
    await setupSql`create schema graphile_worker`;
    await setupSql`create table graphile_worker.jobs (id bigint primary key)`;
    await setupSql`insert into graphile_worker.jobs values (42)`;
    await setupSql.end();

    const database = await openDatabase({ databaseUrl: url });
    try {
      expect(await tablesIn(database.sql, "graphile_worker")).toEqual(["jobs"]);
      expect(await database.sql`select id from graphile_worker.jobs`).toEqual([{ id: "42" }]);
      expect(await tablesIn(database.sql, "public")).toContain("requests");
    } finally {
      await database.close();
    }
  });
});
