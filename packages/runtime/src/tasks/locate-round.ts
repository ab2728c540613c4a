import { ensureRequestTask, enqueueJob, openRequestTask, type ConnectorInstance, type Executor } from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { instanceJob, taskNames } from "./jobs";

/**
 * Opens a locate round on every given instance: its `locate` task pending again (the connector's
 * checkpoint is keyed by round, so the new round starts from the beginning) and its job. An
 * instance whose connector is not installed gets a failed task saying so (the request will end
 * partially completed) rather than being skipped silently. Returns how many instances locate.
 */
export async function openLocateRound(
  tx: Executor,
  deps: RuntimeDependencies,
  requestId: string,
  instances: readonly ConnectorInstance[],
  round = 0,
): Promise<number> {
  let locating = 0;
  for (const instance of instances) {
    const connector = deps.registry.get(instance.connectorId);
    const base = {
      requestId,
      instanceId: instance.id,
      connectorId: instance.connectorId,
      connectorVersion: connector?.version ?? "not installed",
      phase: "locate" as const,
    };
    if (!connector) {
      await ensureRequestTask(tx, {
        ...base,
        status: "failed",
        lastError: `connector "${instance.connectorId}" is not installed on this worker`,
      });
      continue;
    }
    await openRequestTask(tx, base);
    await enqueueJob(tx, instanceJob(taskNames.locate, { requestId, instanceId: instance.id }, undefined, -round));
    locating += 1;
  }
  return locating;
}
