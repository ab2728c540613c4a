import type postgres from "postgres";

/** The URL of database `name` on the same server (and with the same credentials) as `serverUrl`. */
export function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

const duplicateDatabase = "42P04";
const uniqueViolation = "23505";

/**
 * Creates database `name` unless it exists. Two starters may race here; the loser sees
 * duplicate_database (or a unique violation on pg_database) and that is success too.
 */
export async function createDatabaseIfMissing(admin: postgres.Sql, name: string): Promise<void> {
  const existing = await admin`select 1 from pg_database where datname = ${name}`;
  if (existing.length > 0) return;
  try {
    await admin`create database ${admin(name)}`;
  } catch (error) {
    if (hasErrorCode(error, duplicateDatabase) || hasErrorCode(error, uniqueViolation)) return;
    throw error;
  }
}

/** Drops database `name`, disconnecting any session still in it (PostgreSQL ≥ 13). */
export async function dropDatabaseIfExists(admin: postgres.Sql, name: string): Promise<void> {
  await admin`drop database if exists ${admin(name)} with (force)`;
}

function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}
