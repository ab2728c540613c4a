import type { InventoryScan } from "@lethe/contracts";
import type { InventoryScanDetail } from "@lethe/db";

/**
 * A scan as the API shows it: each instance's status, error and counts, and the progress. Pure.
 * `running` while any instance is still pending; an instance deleted since is named by its id.
 */
export function inventoryScanView(detail: InventoryScanDetail, instanceNames: ReadonlyMap<string, string>): InventoryScan {
  const instances = [...detail.instances]
    .map((row) => ({
      instanceId: row.instanceId,
      instanceName: instanceNames.get(row.instanceId) ?? row.instanceId,
      status: row.status,
      error: row.error,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      counts: detail.counts
        .filter((count) => count.instanceId === row.instanceId)
        .map((count) => ({ recordType: count.recordType, count: count.count, exact: count.exact }))
        .sort((a, b) => a.recordType.localeCompare(b.recordType)),
    }))
    .sort((a, b) => a.instanceName.localeCompare(b.instanceName));
  const finished = instances.filter((instance) => instance.status !== "pending").length;
  return {
    id: detail.scan.id,
    startedAt: detail.scan.startedAt.toISOString(),
    status: finished === instances.length ? "completed" : "running",
    progress: { instances: instances.length, finished, failed: instances.filter((instance) => instance.status === "failed").length },
    instances,
  };
}
