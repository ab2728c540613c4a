import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

/** The drizzle query builder over Lethe's schema (tables, relational queries). */
export type DrizzleDatabase = PostgresJsDatabase<typeof schema>;

export interface DatabaseConnection {
  /** The postgres.js pool, for raw SQL and LISTEN/NOTIFY. */
  sql: postgres.Sql;
  db: DrizzleDatabase;
}

export interface ConnectOptions {
  /** Pool size; postgres.js defaults to 10. */
  max?: number;
}

/**
 * Opens a pool to `url`. Server notices (e.g. "relation already exists, skipping") are dropped:
 * postgres.js prints them to the console by default, which would leak into CLI output.
 */
export function connectToDatabase(url: string, options: ConnectOptions = {}): DatabaseConnection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connection: { application_name: "lethe" },
  });
  return { sql, db: drizzle({ client: sql, schema }) };
}
