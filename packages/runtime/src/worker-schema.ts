import type { Database } from "@lethe/db";
import { Logger, runMigrations } from "graphile-worker";

const prepared = new WeakMap<Database, Promise<void>>();

/** graphile-worker's own log lines about its schema are not ours to print. */
const quietLogger = new Logger(() => () => undefined);

/**
 * Installs or upgrades graphile-worker's schema (`graphile_worker.*`) in the database. Needed
 * before a request can be filed, because filing enqueues the request's first job in the same
 * transaction. Several processes may call it at once (graphile-worker detects a concurrent
 * installer and checks again); repeated calls on one `Database` cost nothing after the first.
 */
export function prepareWorkerSchema(database: Database): Promise<void> {
  let pending = prepared.get(database);
  if (!pending) {
    pending = runMigrations({ connectionString: database.url, logger: quietLogger });
    pending.catch(() => prepared.delete(database));
    prepared.set(database, pending);
  }
  return pending;
}
