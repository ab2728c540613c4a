import { join } from "node:path";
import { resolveClusterDirectory } from "./embedded/cluster-location";
import postgres from "postgres";
import { connectToDatabase, type DrizzleDatabase } from "./connection";
import { EmbeddedPostgresError } from "./embedded/embedded-postgres-error";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded/embedded-server";
import { migrateDatabase } from "./migrations";
import { createDatabaseIfMissing } from "./server-databases";

/** An open connection to Lethe's database. */
export interface Database {
  /** The postgres.js pool, for raw SQL. */
  sql: postgres.Sql;
  db: DrizzleDatabase;
  /** Connection URL, with credentials: never log it. */
  url: string;
  /** True when the server is the embedded PostgreSQL (started or joined by this process). */
  embedded: boolean;
  /** The embedded cluster's data directory (it may be relocated, see cluster-location.ts); null otherwise. */
  clusterDirectory: string | null;
  /** Ends the pool; stops the embedded server if this process owns it. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Any PostgreSQL ≥ 15. Without it, the embedded server in `dataDirectory` is used. */
  databaseUrl?: string;
  /** The embedded cluster. Default `<cwd>/.lethe/pg`. */
  dataDirectory?: string;
  /** Apply pending migrations before returning. Default true. */
  migrate?: boolean;
  /** Receives the embedded server's progress and PostgreSQL's own log; silent without it. */
  log?: (message: string) => void;
  /**
   * Restart the embedded server (same cluster, same port) whenever it dies, for as long as the
   * database is open — for a long-running process such as `lethe start`. Default false.
   */
  supervise?: boolean;
  /** Hears that the supervised server died and was restarted (default: `log`). */
  reportRestart?: (message: string) => void;
}

/** The database the embedded server keeps Lethe's tables in. */
export const embeddedDatabaseName = "lethe";

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  // An empty DATABASE_URL means "not set", as it does for most tools.
  if (options.databaseUrl) {
    return connect(options.databaseUrl, options.migrate ?? true, null, async () => undefined);
  }
  const cluster = await resolveClusterDirectory(options.dataDirectory ?? join(process.cwd(), ".lethe", "pg"));
  if (cluster.relocated) {
    options.log?.(`the data directory is not reachable by user postgres; using ${cluster.directory}`);
  }
  const server = await startEmbeddedServer({ dataDirectory: cluster.directory, log: options.log });
  try {
    await ensureEmbeddedDatabase(server);
    if (options.supervise && !server.supervise(options.reportRestart ?? options.log)) {
      options.log?.("PostgreSQL is run by another process; that process restarts it if it stops");
    }
    return await connect(server.urlFor(embeddedDatabaseName), options.migrate ?? true, server.dataDirectory, () =>
      server.release(),
    );
  } catch (error) {
    await server.release();
    throw error;
  }
}

async function connect(
  url: string,
  migrate: boolean,
  clusterDirectory: string | null,
  releaseServer: () => Promise<void>,
): Promise<Database> {
  const { sql, db } = connectToDatabase(url);
  try {
    if (migrate) await migrateDatabase(sql);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    sql,
    db,
    url,
    embedded: clusterDirectory !== null,
    clusterDirectory,
    close: () => {
      closing ??= (async () => {
        try {
          await sql.end({ timeout: 5 });
        } finally {
          await releaseServer();
        }
      })();
      return closing;
    },
  };
}

async function ensureEmbeddedDatabase(server: EmbeddedServer): Promise<void> {
  const admin = postgres(server.urlFor("postgres"), { max: 1, onnotice: () => undefined });
  try {
    await createDatabaseIfMissing(admin, embeddedDatabaseName);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `could not create database "${embeddedDatabaseName}" on the embedded server (port ${server.port})`,
      server.dataDirectory,
      { cause: error },
    );
  } finally {
    await admin.end({ timeout: 5 });
  }
}
