import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import { promisify } from "node:util";
import type { Database } from "@lethe/db";

const run = promisify(execFile);

/**
 * The whole database as text, for tests that look for personal data Lethe should no longer hold.
 * `pg_dump` when one of the server's major version (or newer) is installed — on CI's PostgreSQL 15
 * run, `/usr/lib/postgresql/15/bin/pg_dump`. The embedded PostgreSQL 18 ships no pg_dump and
 * Debian 12 has no client newer than 15 (pg_dump refuses a newer server), so there the same
 * content is read table by table: every table of every schema, every row, as COPY text — what
 * pg_dump's data section holds, without the DDL.
 */
export async function dumpDatabase(database: Database): Promise<{ text: string; tool: "pg_dump" | "copy" }> {
  const pgDump = await findPgDump(database);
  if (pgDump) {
    const { stdout } = await run(pgDump, ["--no-owner", "--no-privileges", "--dbname", database.url], {
      maxBuffer: 512 * 1024 * 1024,
    });
    return { text: stdout, tool: "pg_dump" };
  }
  const tables = await database.sql<Array<{ schema: string; name: string }>>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`;
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await database.sql<Array<{ row: string }>>`
      select t::text as row from ${database.sql(table.schema)}.${database.sql(table.name)} t`;
    parts.push(`-- ${table.schema}.${table.name}`, ...rows.map((row) => row.row));
  }
  return { text: parts.join("\n"), tool: "copy" };
}

async function findPgDump(database: Database): Promise<string | undefined> {
  const [row] = await database.sql<Array<{ version: string }>>`select current_setting('server_version_num') as version`;
  const major = Math.floor(Number(row?.version) / 10_000);
  for (const candidate of [`/usr/lib/postgresql/${major}/bin/pg_dump`]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not installed
    }
  }
  return undefined;
}
