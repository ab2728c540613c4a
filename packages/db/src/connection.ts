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
  /**
   * null: never replace a connection for its age (a session that holds advisory locks);
   * default postgres.js's 30–60 minutes.
   */
  maxLifetimeSeconds?: number | null;
}

/** Seconds before reconnection attempt `attempt` (1, 2, …): 0.1, 0.2, 0.4 … at most 1. */
export function reconnectDelaySeconds(attempt: number): number {
  return Math.min(0.05 * 2 ** attempt, 1);
}

/**
 * Opens a pool to `url`. Server notices (e.g. "relation already exists, skipping") are dropped:
 * postgres.js prints them to the console by default, which would leak into CLI output.
 */
export function connectToDatabase(url: string, options: ConnectOptions = {}): DatabaseConnection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    ...(options.maxLifetimeSeconds === undefined ? {} : { max_lifetime: options.maxLifetimeSeconds }),
    onnotice: () => undefined,
    connection: { application_name: "lethe" },
    // postgres.js waits longer before each reconnection, up to 20 s; during a restart that kept
    // every request (and the health probe) waiting long after the server was back. Capped at 1 s.
    backoff: reconnectDelaySeconds,
  });
  return { sql, db: drizzle({ client: sql, schema }) };
}
