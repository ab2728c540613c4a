import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { advisoryLockNamespace, advisoryLocks } from "./advisory-locks";

/** The committed drizzle-kit output (`pnpm --filter @lethe/db generate`). */
export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Applies every committed migration not yet applied to the database at `target` (a URL, or an
 * open postgres.js pool with room for two connections). Drizzle records applied migrations in
 * `drizzle.__drizzle_migrations`; Lethe's tables live in `public`, so a `graphile_worker` schema
 * in the same database is untouched.
 *
 * Concurrent callers (several `lethe worker`s starting together) are serialised by an advisory
 * lock held on a reserved connection: the first applies the migrations, the others then find
 * nothing left to do.
 */
export async function migrateDatabase(target: string | postgres.Sql): Promise<void> {
  const sql =
    typeof target === "string"
      ? postgres(target, { max: 2, onnotice: () => undefined, connection: { application_name: "lethe-migrate" } })
      : target;
  try {
    if (sql.options.max < 2) {
      throw new Error(
        "migrateDatabase needs a pool of at least 2 connections: one holds the migration lock, one migrates",
      );
    }
    const lockHolder = await sql.reserve();
    try {
      await lockHolder`select pg_advisory_lock(${advisoryLockNamespace}, ${advisoryLocks.migrations})`;
      try {
        await migrate(drizzle({ client: sql }), { migrationsFolder });
      } finally {
        await lockHolder`select pg_advisory_unlock(${advisoryLockNamespace}, ${advisoryLocks.migrations})`;
      }
    } finally {
      lockHolder.release();
    }
  } finally {
    if (typeof target === "string") await sql.end({ timeout: 5 });
  }
}
