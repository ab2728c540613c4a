import { eq, inArray } from "drizzle-orm";
import { connectorInstanceChecks } from "../schema";
import type { Executor } from "./executor";

export type ConnectorInstanceCheckRow = typeof connectorInstanceChecks.$inferSelect;

export async function saveConnectorInstanceCheck(tx: Executor, check: ConnectorInstanceCheckRow): Promise<void> {
  await tx
    .insert(connectorInstanceChecks)
    .values(check)
    .onConflictDoUpdate({
      target: connectorInstanceChecks.instanceId,
      set: { ok: check.ok, code: check.code, message: check.message, durationMs: check.durationMs, checkedAt: check.checkedAt },
    });
}

export async function listConnectorInstanceChecks(
  tx: Executor,
  instanceIds: string[],
): Promise<ConnectorInstanceCheckRow[]> {
  if (instanceIds.length === 0) return [];
  return tx.select().from(connectorInstanceChecks).where(inArray(connectorInstanceChecks.instanceId, instanceIds));
}

export async function getConnectorInstanceCheck(tx: Executor, instanceId: string): Promise<ConnectorInstanceCheckRow | null> {
  const [row] = await tx.select().from(connectorInstanceChecks).where(eq(connectorInstanceChecks.instanceId, instanceId));
  return row ?? null;
}
