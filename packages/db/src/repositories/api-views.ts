import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { toAuditRecord, type AuditRecord } from "./audit-log";
import { auditLog, connectorInstances, instanceRateLimits, requestTasks } from "../schema";
import type { Executor } from "./executor";

/**
 * Reads and removals the HTTP API needs beyond the engine's own repositories.
 */

/** The sealed audit entries of one request, in chain order (seal first to include recent ones). */
export async function listRequestAuditLog(tx: Executor, requestId: string): Promise<AuditRecord[]> {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.requestId, requestId), isNotNull(auditLog.seq)))
    .orderBy(asc(auditLog.seq));
  return rows.map(toAuditRecord);
}

/** When each instance's shared rate limit is paused until (a vendor's 429), for those that have state. */
export async function listInstancePauses(
  tx: Executor,
  instanceIds: string[],
): Promise<Array<{ instanceId: string; pausedUntil: Date | null }>> {
  if (instanceIds.length === 0) return [];
  return tx
    .select({ instanceId: instanceRateLimits.instanceId, pausedUntil: instanceRateLimits.pausedUntil })
    .from(instanceRateLimits)
    .where(inArray(instanceRateLimits.instanceId, instanceIds));
}

export class ConnectorInstanceInUseError extends Error {
  constructor(readonly instanceId: string) {
    super(`connector instance ${instanceId} has done work for requests; disable it instead of deleting it`);
    this.name = "ConnectorInstanceInUseError";
  }
}

/**
 * Deletes an instance no request has used (tasks, located records and receipts point at it and
 * are evidence). Returns false when there is no such instance.
 */
export async function deleteUnusedConnectorInstance(tx: Executor, instanceId: string): Promise<boolean> {
  const [used] = await tx
    .select({ one: sql`1` })
    .from(requestTasks)
    .where(eq(requestTasks.instanceId, instanceId))
    .limit(1);
  if (used) throw new ConnectorInstanceInUseError(instanceId);
  const deleted = await tx.delete(connectorInstances).where(eq(connectorInstances.id, instanceId)).returning({ id: connectorInstances.id });
  return deleted.length > 0;
}
