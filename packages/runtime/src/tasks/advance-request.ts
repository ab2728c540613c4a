import {
  countLocatedRecords,
  enqueueJob,
  ensureRequestTask,
  listRequestTasks,
  transitionRequest,
  type AuditInput,
  type Executor,
  type JobSpec,
  type RequestRow,
  type RequestTaskView,
} from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { instanceJob, requestJob, taskNames } from "./jobs";

const unfinished = (task: RequestTaskView) => task.status === "pending" || task.status === "running";

/**
 * Takes a request's next step once the tasks of its current phase are all finished. Called by
 * every task as it finishes, with the request's row locked in the caller's transaction: of two
 * tasks finishing at once, the second waits for the first's commit and sees its task done, so
 * exactly one of them — the last — moves the request on.
 *
 * - locating, every locate finished → executing: per instance with strongly matched records, an
 *   `erase` task (erasure) or an `export` task (access, portability; one bundle job for all).
 *   Weakly matched records are left for review (issue 4) and reported by `finalise`.
 * - executing, every task finished → `finalise`.
 *
 * Returns the audit entries of what it did, for the caller to append last in its transaction:
 * the audit chain's lock serialises every writer until commit, so it is taken as late as possible.
 */
export async function advanceRequest(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
): Promise<AuditInput[]> {
  const tasks = await listRequestTasks(tx, request.id);
  if (tasks.some(unfinished)) return [];
  if (request.status === "locating") return planExecution(tx, deps, request, tasks);
  if (request.status === "executing") await enqueueJob(tx, requestJob(taskNames.finalise, request.id));
  return [];
}

async function planExecution(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
  tasks: RequestTaskView[],
): Promise<AuditInput[]> {
  const located = await countLocatedRecords(tx, request.id);
  const strongOn = (instanceId: string) =>
    located.find((row) => row.instanceId === instanceId && row.strength === "strong")?.count ?? 0;
  const jobs: JobSpec[] = [];
  let exports = 0;

  for (const locate of tasks.filter((task) => task.phase === "locate" && task.status === "done")) {
    if (strongOn(locate.instanceId) === 0) continue;
    const connector = deps.registry.get(locate.connectorId);
    const base = {
      requestId: request.id,
      instanceId: locate.instanceId,
      connectorId: locate.connectorId,
      connectorVersion: connector?.version ?? locate.connectorVersion,
    };
    if (request.type === "erasure") {
      if (!connector?.erase || connector.capabilities.erase === false) {
        await ensureRequestTask(tx, {
          ...base,
          phase: "erase",
          status: "failed",
          lastError: `connector "${locate.connectorId}" cannot erase: its records stay in place`,
        });
        continue;
      }
      await ensureRequestTask(tx, { ...base, phase: "erase" });
      jobs.push(instanceJob(taskNames.erase, { requestId: request.id, instanceId: locate.instanceId }));
    } else {
      if (!connector?.export || !connector.capabilities.export) {
        await ensureRequestTask(tx, {
          ...base,
          phase: "export",
          status: "failed",
          lastError: `connector "${locate.connectorId}" cannot export: its records are not in the bundle`,
        });
        continue;
      }
      await ensureRequestTask(tx, { ...base, phase: "export" });
      exports += 1;
    }
  }
  if (exports > 0) jobs.push(requestJob(taskNames.export, request.id));

  const strong = located.filter((row) => row.strength === "strong").reduce((sum, row) => sum + row.count, 0);
  const weak = located.filter((row) => row.strength === "weak").reduce((sum, row) => sum + row.count, 0);
  await transitionRequest(tx, {
    requestId: request.id,
    to: "executing",
    actor: "system",
    reason: `located ${strong} strongly and ${weak} weakly matched records`,
  });
  const planned = jobs.length;
  if (jobs.length === 0) jobs.push(requestJob(taskNames.finalise, request.id));
  for (const job of jobs) await enqueueJob(tx, job);
  return [
    {
      actor: "system",
      action: "request.executing",
      requestId: request.id,
      payload: { strongRecords: strong, weakRecords: weak, jobs: planned },
    },
  ];
}
