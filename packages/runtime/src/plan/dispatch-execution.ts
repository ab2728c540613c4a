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

/** Approved actions the erase task carries out (retain: a receipt naming the hold, no vendor call). */
export const eraseActions = ["erase", "anonymise", "redact", "retain"] as const;

/**
 * Creates (or reopens, for the part of a plan approved after review) the execution tasks of every
 * approved item not yet carried out, and returns their jobs: per instance an `erase` task for
 * erase/anonymise/redact/retain items without an erase receipt, one `export` job for all export
 * items, and rectify/restrict tasks (tasks/rectify-task.ts, restrict-task.ts). `skip` items need no task: finalise reports them.
 */
export async function dispatchExecution(tx: Executor, deps: RuntimeDependencies, request: RequestRow): Promise<JobSpec[]> {
  const items = await listPlanItems(tx, {
    requestId: request.id,
    approvedActions: [...eraseActions, "export", "rectify", "restrict"],
  });
  const erased = new Set(
    (await listReceipts(tx, { requestId: request.id, phase: "erase" })).map(
      (row) => `${row.instanceId}/${row.recordType}/${row.recordId}`,
    ),
  );
  const phasesByInstance = new Map<string, { connectorId: string; phases: Set<"erase" | "export" | "rectify" | "restrict"> }>();
  for (const { item, record, connectorId } of items) {
    const action = item.approvedAction;
    let phase: "erase" | "export" | "rectify" | "restrict";
    if ((eraseActions as readonly string[]).includes(action ?? "")) {
      if (erased.has(`${record.instanceId}/${record.recordType}/${record.recordId}`)) continue;
      phase = "erase";
    } else if (action === "export" || action === "rectify" || action === "restrict") {
      phase = action;
    } else continue;
    const entry = phasesByInstance.get(record.instanceId) ?? { connectorId, phases: new Set() };
    entry.phases.add(phase);
    phasesByInstance.set(record.instanceId, entry);
  }

  const jobs: JobSpec[] = [];
  let exports = 0;
  for (const [instanceId, { connectorId, phases }] of phasesByInstance) {
    const connector = deps.registry.get(connectorId);
    const base = { requestId: request.id, instanceId, connectorId, connectorVersion: connector?.version ?? "not installed" };
    for (const phase of phases) {
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
