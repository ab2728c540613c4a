import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectToDatabase, embeddedDatabaseName, openDatabase, type Database, type DatabaseConnection } from "@lethe/db";
import { statementKind, statementSource, type StatementKind, type StatementSource } from "./statement-kinds";

/** One normalised statement as PostgreSQL counted it. */
export interface CountedStatement {
  query: string;
  calls: number;
  kind: StatementKind;
  source: StatementSource;
}

/** What PostgreSQL counted for the engine's role in the engine's database between `start` and `finish`. */
export interface StatementCount {
  statements: CountedStatement[];
  /** Committed transactions in the engine's database, less the observer's own (one per poll). */
  commits: number;
}

/**
 * A throw-away embedded PostgreSQL that counts statements itself: `pg_stat_statements` is loaded
 * at server start (`shared_preload_libraries`, set with ALTER SYSTEM and picked up by a restart),
 * so what is counted is what the server executed, not what our code believes it sent.
 *
 * Three parties, kept apart so only the engine is measured:
 * - `engine`: the Database the worker and `fileRequest` use (role `postgres`, database `lethe`);
 * - `observer`: a second role on the same database that polls the requests' statuses, so its
 *   statements can be left out by role and its commits (one per autocommit poll) subtracted;
 * - a stats connection to database `postgres`, whose reads do not touch `lethe`'s counters.
 */
export interface StatementCountingDatabase {
  engine: Database;
  observer: DatabaseConnection;
  /** Forgets everything counted so far and notes the commit counter. */
  start(): Promise<void>;
  /**
   * Ends the engine's and the observer's connections (a backend flushes its counters on exit),
   * waits until no session is left on the engine's database, and reads the counts.
   */
  finish(): Promise<StatementCount>;
  dispose(): Promise<void>;
}

const observerRole = "lethe_bench_observer";

export async function openStatementCountingDatabase(): Promise<StatementCountingDatabase> {
  const dataDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-pg-"));
  let engine: Database | undefined;
  let observer: DatabaseConnection | undefined;
  let stats: DatabaseConnection | undefined;
  const dispose = async () => {
    await observer?.sql.end({ timeout: 5 });
    await stats?.sql.end({ timeout: 5 });
    await engine?.close();
    await rm(dataDirectory, { recursive: true, force: true });
  };
  try {
    const first = await openDatabase({ dataDirectory });
    try {
      await first.sql`alter system set shared_preload_libraries = 'pg_stat_statements'`;
      await first.sql`alter system set pg_stat_statements.max = 10000`;
    } finally {
      await first.close(); // stops the server, which reads the settings again on the next start
    }
    engine = await openDatabase({ dataDirectory });
    const password = randomBytes(12).toString("hex");
    await engine.sql.unsafe(`create role ${observerRole} login superuser password '${password}'`);
    const observerUrl = new URL(engine.url);
    observerUrl.username = observerRole;
    observerUrl.password = password;
    observer = connectToDatabase(observerUrl.toString(), { max: 1 });
    const statsUrl = new URL(engine.url);
    statsUrl.pathname = "/postgres";
    stats = connectToDatabase(statsUrl.toString(), { max: 1 });
    // The view and functions live in the database the extension is created in; the counts are server-wide.
    await stats.sql`create extension if not exists pg_stat_statements`;
  } catch (error) {
    await dispose();
    throw error;
  }
  const engineDatabase = engine;
  const observerConnection = observer;
  const statsSql = stats.sql;
  let commitsBefore = 0;
  const commitCounter = async () => {
    const [row] = await statsSql<{ commits: string }[]>`
      select xact_commit::text as commits from pg_stat_database where datname = ${embeddedDatabaseName}`;
    return Number(row?.commits ?? 0);
  };
  return {
    engine: engineDatabase,
    observer: observerConnection,
    async start() {
      await statsSql`select pg_stat_statements_reset()`;
      await statsSql`select pg_stat_clear_snapshot()`;
      commitsBefore = await commitCounter();
    },
    async finish() {
      await engineDatabase.sql.end({ timeout: 5 });
      await observerConnection.sql.end({ timeout: 5 });
      for (let waited = 0; ; waited += 100) {
        const [row] = await statsSql<{ sessions: number }[]>`
          select count(*)::int as sessions from pg_stat_activity where datname = ${embeddedDatabaseName}`;
        if ((row?.sessions ?? 0) === 0) break;
        if (waited > 30_000) throw new Error(`sessions on ${embeddedDatabaseName} did not end`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const rows = await statsSql<{ query: string; calls: string; observer: boolean }[]>`
        select s.query, s.calls::text as calls, r.rolname = ${observerRole} as observer
        from pg_stat_statements s
        join pg_database d on d.oid = s.dbid
        join pg_roles r on r.oid = s.userid
        where d.datname = ${embeddedDatabaseName}`;
      const observerCalls = rows.filter((row) => row.observer).reduce((sum, row) => sum + Number(row.calls), 0);
      const statements = rows
        .filter((row) => !row.observer)
        .map((row) => ({ query: row.query, calls: Number(row.calls), kind: statementKind(row.query), source: statementSource(row.query) }))
        .sort((a, b) => b.calls - a.calls);
      await statsSql`select pg_stat_clear_snapshot()`;
      return { statements, commits: (await commitCounter()) - commitsBefore - observerCalls };
    },
    dispose,
  };
}
