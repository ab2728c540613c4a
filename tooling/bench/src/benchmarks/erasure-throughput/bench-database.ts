import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "@lethe/db";

export interface BenchDatabase {
  database: Database;
  /** Closes the connection and removes everything the run created. */
  dispose: () => Promise<void>;
}

/**
 * A database no earlier run has touched: with `DATABASE_URL`, a new database on that server
 * (dropped afterwards); without it, an embedded PostgreSQL in a temporary directory (removed
 * afterwards). Leftover jobs or rows from another run would otherwise be measured too.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (databaseUrl) return freshDatabaseOn(databaseUrl);
  const dataDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-pg-"));
  try {
    const database = await openDatabase({ dataDirectory });
    return {
      database,
      dispose: async () => {
        await database.close();
        await rm(dataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDirectory, { recursive: true, force: true });
    throw error;
  }
}

async function freshDatabaseOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `lethe_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl, migrate: false });
  try {
    await admin.sql`create database ${admin.sql(name)}`;
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const cleaner = await openDatabase({ databaseUrl: serverUrl, migrate: false });
    try {
      await cleaner.sql`drop database if exists ${cleaner.sql(name)} with (force)`;
    } finally {
      await cleaner.close();
    }
  };
  try {
    const database = await openDatabase({ databaseUrl: url.toString() });
    return {
      database,
      dispose: async () => {
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
