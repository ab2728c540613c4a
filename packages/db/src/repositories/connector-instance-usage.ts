import { inArray, sql } from "drizzle-orm";
import { requestTasks } from "../schema";
import type { Executor } from "./executor";

/**
 * The latest real work a connection did for a request: a task that finished (`done`) or failed,
 * or one that hit an error and waits for a retry. Its error line is stored scrubbed of the
 * subject's identifiers and the connection's secrets (runtime's task failure handling).
 */
export interface ConnectorInstanceUsage {
  instanceId: string;
  at: Date;
  phase: string;
  /** done | failed | pending | running (the last two only with an error, i.e. waiting for a retry). */
  status: string;
  lastError: string | null;
}

export async function listConnectorInstanceUsage(tx: Executor, instanceIds: string[]): Promise<ConnectorInstanceUsage[]> {
  if (instanceIds.length === 0) return [];
  const rows = await tx
    .selectDistinctOn([requestTasks.instanceId], {
      instanceId: requestTasks.instanceId,
      at: requestTasks.updatedAt,
      phase: requestTasks.phase,
      status: requestTasks.status,
      lastError: requestTasks.lastError,
    })
    .from(requestTasks)
    .where(
      sql`${inArray(requestTasks.instanceId, instanceIds)} and (${requestTasks.status} in ('done', 'failed') or ${requestTasks.lastError} is not null)`,
    )
    .orderBy(requestTasks.instanceId, sql`${requestTasks.updatedAt} desc`);
  return rows;
}
