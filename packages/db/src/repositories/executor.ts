import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgTransaction } from "drizzle-orm/pg-core";
import type { PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import type * as schema from "../schema";

type Schema = typeof schema;

/**
 * What a repository function runs its statements on: the database itself, or a transaction
 * opened with `database.db.transaction(...)`. Functions that must be atomic with the caller's
 * other writes (a status change and its history row, a job and the row that asked for it) take
 * the caller's transaction; they never open one of their own unless their name says so.
 */
export type Executor =
  | PgDatabase<PostgresJsQueryResultHKT, Schema>
  | PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
