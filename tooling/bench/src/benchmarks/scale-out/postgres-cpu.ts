import type { Database } from "@lethe/db";
import { parentPid, processCpu } from "../../process-cpu";

/**
 * PostgreSQL's CPU spent on the workers' connections: the postmaster's reaped-children CPU grows
 * by each backend's CPU when that backend exits, so the difference between a reading before the
 * workers start and one after their connections have closed is what their backends used. On a
 * shared server (`DATABASE_URL`) other clients' ended backends count too; the embedded default
 * has no other clients. Undefined when the server is not on this machine or /proc is missing.
 */
export interface PostgresCpuMeter {
  /** CPU ms of backends ended since the meter was opened, once the database has no other client. */
  read(): Promise<number | undefined>;
}

export async function openPostgresCpuMeter(database: Database): Promise<PostgresCpuMeter> {
  const [row] = await database.sql<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
  const postmaster = row ? await parentPid(row.pid) : undefined;
  const start = postmaster === undefined ? undefined : await processCpu(postmaster);
  return {
    async read() {
      if (postmaster === undefined || start === undefined) return undefined;
      await untilOtherClientsLeft(database);
      const end = await processCpu(postmaster);
      return end === undefined ? undefined : end.reapedChildrenMs - start.reapedChildrenMs;
    },
  };
}

/**
 * Waits for the stopped workers' backends to exit, so their CPU has been reaped: until no other
 * client is connected, or the count has not fallen for half a second (connections the bench
 * itself opened meanwhile stay), at most 10 s.
 */
async function untilOtherClientsLeft(database: Database): Promise<void> {
  const deadline = Date.now() + 10_000;
  let fewest = Number.POSITIVE_INFINITY;
  let fellAt = Date.now();
  while (Date.now() < deadline && Date.now() - fellAt < 500) {
    const [row] = await database.sql<Array<{ others: number }>>`
      select count(*)::int as others from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    const others = row?.others ?? 0;
    if (others === 0) break;
    if (others < fewest) [fewest, fellAt] = [others, Date.now()];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The postmaster reaps an exited backend asynchronously; give it a moment after the last one left.
  await new Promise((resolve) => setTimeout(resolve, 200));
}
