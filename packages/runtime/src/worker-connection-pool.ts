import pg from "pg";
import type { WorkerLog } from "./runtime-dependencies";

/**
 * The pg pool graphile-worker runs on, owned by Lethe rather than by graphile-worker. When the
 * server ends a connection (`57P01 terminating connection due to administrator command`: a
 * restart, a shutdown, a crash), pg emits an `error` event on the pool for an idle client, and
 * an `error` event without a listener ends Node. graphile-worker listens only while it runs and
 * ends its own pool without waiting for it, so a connection ended during or after its stop
 * crashed the process; this pool keeps its listener until it is ended, after the runner.
 */
export interface WorkerConnectionPool {
  pool: pg.Pool;
  end(): Promise<void>;
}

export function openWorkerConnectionPool(url: string, max: number, log: WorkerLog): WorkerConnectionPool {
  const pool = new pg.Pool({ connectionString: url, max });
  // The message names no data (server error texts such as 57P01's); pg drops the client itself.
  const report = (error: Error & { code?: string }) => {
    log("warn", "a worker database connection failed or was closed by the server", { code: error.code ?? "unknown", error: error.message });
  };
  // Every client's errors are reported by its own listener, idle or checked out (a checked-out
  // client's reach only the client and the query that fails next) — what graphile-worker asks of
  // a pool it is given (https://err.red/wpeh). The pool re-emits an idle client's error: heard
  // there too, but reported once.
  pool.on("connect", (client) => client.on("error", report));
  pool.on("error", () => undefined);
  let ending: Promise<void> | undefined;
  return {
    pool,
    end: () => {
      ending ??= pool.end();
      return ending;
    },
  };
}
