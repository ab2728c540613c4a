import { eraseActions, executionPhases } from "@lethe/core";
import { recordKey } from "@lethe/connector-sdk";
import {
  ensureRequestTask,
  listPlanItems,
  listReceipts,
  openRequestTask,
  type Executor,
  type JobSpec,
  type RequestRow,
} from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { instanceJob, requestJob, taskNames } from "../tasks/jobs";

/**
 * Creates (or reopens, for the part of a plan approved after review) the execution tasks of every
 * approved item not yet carried out, and returns their jobs: which tasks, core's
 * `executionPhases` decides; here they are opened, with one `export` job for all export tasks and
 * one job per instance for erase/rectify/restrict. An instance whose connector is not installed
 * gets a failed task saying so (the request will end partially completed).
 */
export async function dispatchExecution(tx: Executor, deps: RuntimeDependencies, request: RequestRow): Promise<JobSpec[]> {
  const items = await listPlanItems(tx, {
    requestId: request.id,
    approvedActions: [...eraseActions, "export", "rectify", "restrict"],
  });
  const erased = new Set(
    (await listReceipts(tx, { requestId: request.id, phase: "erase" })).map((row) =>
      keyOf(row.instanceId, recordKey({ type: row.recordType, id: row.recordId })),
    ),
  );
  const phases = executionPhases(
    items.map(({ item, record, connectorId }) => ({
      instanceId: record.instanceId,
      connectorId,
      recordKey: keyOf(record.instanceId, recordKey({ type: record.recordType, id: record.recordId })),
      approvedAction: item.approvedAction,
    })),
    erased,
  );

  const jobs: JobSpec[] = [];
  let exports = 0;
  for (const { instanceId, connectorId, phases: instancePhases } of phases) {
    const connector = deps.registry.get(connectorId);
    const base = { requestId: request.id, instanceId, connectorId, connectorVersion: connector?.version ?? "not installed" };
    for (const phase of instancePhases) {
      if (!connector) {
        await ensureRequestTask(tx, { ...base, phase, status: "failed", lastError: `connector "${connectorId}" is not installed on this worker` });
        continue;
      }
      await openRequestTask(tx, { ...base, phase });
      if (phase === "export") exports += 1;
      else jobs.push(instanceJob(taskNames[phase], { requestId: request.id, instanceId }));
    }
  }
  if (exports > 0) jobs.push(requestJob(taskNames.export, request.id));
  return jobs;
}

/** A record's key across instances: receipts and plan items of the whole request are compared. */
const keyOf = (instanceId: string, refKey: string) => `${instanceId}/${refKey}`;
