import { randomUUID } from "node:crypto";
import { enqueueJob, insertInventoryScan, listConnectorInstances, type Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { maxJobAttempts, taskNames } from "../tasks/jobs";

/** The job that counts one instance's records for a scan: one per instance, keyed so it runs once. */
export function inventoryCountJob(scanId: string, instanceId: string) {
  return {
    task: taskNames.inventoryCount,
    payload: { scanId, instanceId },
    jobKey: `${taskNames.inventoryCount}:${scanId}:${instanceId}`,
    maxAttempts: maxJobAttempts,
  };
}

/**
 * Starts a discovery scan of the data inventory: the scan, one `pending` row and one job per
 * enabled connector instance, and an audit entry, in one transaction, so a scan exists if and only
 * if its jobs will run. Each job counts its instance on its own (tasks/inventory-count-task.ts):
 * one system failing never holds up or fails the others.
 */
export async function startInventoryScan(database: Database, input: { actor: string; now?: Date }): Promise<{ scanId: string }> {
  const scanId = randomUUID();
  const startedAt = input.now ?? new Date();
  await database.db.transaction(async (tx) => {
    const instances = await listConnectorInstances(tx, { enabledOnly: true });
    await insertInventoryScan(tx, { id: scanId, startedBy: input.actor, startedAt, instanceIds: instances.map((instance) => instance.id) });
    for (const instance of instances) await enqueueJob(tx, inventoryCountJob(scanId, instance.id));
    await appendAudit(tx, { actor: input.actor, action: "inventory.scan_started", payload: { scanId, instances: instances.length } });
  });
  return { scanId };
}
