import { connectToDatabase, type Database } from "@lethe/db";
import type { WorkerLog } from "./runtime-dependencies";

/** Advisory-lock namespace of live worker pools (two-int key space; the int spells "LWRK"). */
const livenessLockNamespace = 0x4c57524b;

export interface WorkerLiveness {
  /** Declares a graphile-worker pool of this process alive for as long as the process lives. */
  claim(poolId: string): Promise<void>;
  /** Unlocks the jobs of pools that are no longer alive; returns how many pools were dead. */
  recoverDeadPools(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Recovery of jobs held by a worker that died without letting go (`kill -9`, a lost machine).
 *
 * graphile-worker 0.17 locks a job to its pool id and frees a lock only after four hours, which
 * would leave a killed worker's requests stalled for that long. So each pool holds a
 * session-level advisory lock keyed by its id on a connection kept for the process's
 * lifetime; PostgreSQL drops it the moment that connection dies, which is exactly when the
 * process dies. Any worker can then tell a dead pool from a busy one with
 * `pg_try_advisory_xact_lock` (it succeeds only for a pool nobody holds) and hand its jobs back
 * with graphile-worker's `force_unlock_workers`. Jobs locked in the last few seconds are left
 * alone: a pool that has just started may not have taken its lock yet. A hash collision between
 * two pool ids can only make a dead pool look alive (its jobs then wait for the 4-hour reset),
 * never the reverse. Re-running a recovered job is safe: every task is idempotent.
 *
 * The locks live on a pool of one connection of their own (not a connection reserved from the
 * shared pool: postgres.js cannot use a reserved connection again once the server has dropped it,
 * and throws outside any promise, which ended the process after a database restart). When the
 * server restarts, that connection is replaced and its locks are gone; each sweep notices the new
 * session (its backend pid changed) and takes the locks again.
 */
export async function openWorkerLiveness(
  database: Database,
  log: WorkerLog,
  options: { lockGraceSeconds?: number } = {},
): Promise<WorkerLiveness> {
  const holder = connectToDatabase(database.url, { max: 1, maxLifetimeSeconds: null }).sql;
  const graceSeconds = options.lockGraceSeconds ?? 5;
  const claimed = new Set<string>();
  let session: number | undefined;
  let closed = false;

  const backendPid = async () => {
    const [row] = await holder<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
    return row?.pid;
  };
  const lock = (poolId: string) => holder`select pg_advisory_lock(${livenessLockNamespace}::int, hashtext(${poolId}))`;

  /** After the server dropped the holder's connection, its locks went with it: take them again. */
  const reclaimAfterReconnect = async () => {
    const current = await backendPid();
    if (current === session) return;
    for (const poolId of claimed) await lock(poolId);
    if (session !== undefined && claimed.size > 0) log("warn", "re-declared the worker pools alive after the database reconnected", {});
    session = current;
  };

  session = await backendPid();
  return {
    async claim(poolId) {
      claimed.add(poolId);
      await lock(poolId);
    },
    async recoverDeadPools() {
      if (closed) return 0;
      await reclaimAfterReconnect();
      const locked = await database.sql<Array<{ locked_by: string }>>`
        select distinct locked_by from graphile_worker.jobs
        where locked_by is not null and locked_at < now() - make_interval(secs => ${graceSeconds})
      `;
      if (locked.length === 0) return 0;
      const dead = await database.sql.begin(async (tx) => {
        const found: string[] = [];
        for (const { locked_by: poolId } of locked) {
          const [probe] = await tx<Array<{ free: boolean }>>`
            select pg_try_advisory_xact_lock(${livenessLockNamespace}::int, hashtext(${poolId})) as free
          `;
          if (probe?.free) found.push(poolId);
        }
        if (found.length > 0) await tx`select graphile_worker.force_unlock_workers(${found}::text[])`;
        return found;
      });
      if (dead.length > 0) log("warn", "recovered jobs of dead worker pools", { pools: dead });
      return dead.length;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Ending the connection ends its session, and PostgreSQL releases the locks with it.
      await holder.end({ timeout: 5 });
    },
  };
}
