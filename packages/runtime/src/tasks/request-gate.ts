import { jobGate, type RequestStatus } from "@lethe/core";
import { enqueueJob, getRequest, type JobSpec, type RequestRow } from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";

/**
 * Whether a job may do its work (core's `jobGate`: only while the request is in the job's phase).
 * A paused request's job is added again for later; a cancelled, finished or vanished request's
 * job ends without doing anything.
 */
export async function requestIsIn(
  deps: RuntimeDependencies,
  requestId: string,
  phase: RequestStatus,
  later: (runAt: Date) => JobSpec,
): Promise<boolean> {
  return (await requestIfIn(deps, requestId, phase, later)) !== null;
}

/** `requestIsIn`, handing back the request it read (so the job need not read it again), or null. */
export async function requestIfIn(
  deps: RuntimeDependencies,
  requestId: string,
  phase: RequestStatus,
  later: (runAt: Date) => JobSpec,
): Promise<RequestRow | null> {
  const request = await getRequest(deps.database.db, requestId);
  const gate = jobGate(request?.status ?? null, phase, new Date());
  if (gate.kind === "run" && request) return request;
  if (gate.kind === "recheck") await enqueueJob(deps.database.db, later(gate.at));
  if (request) deps.log("debug", "job skipped: request is not in its phase", { requestId, phase, status: request.status });
  return null;
}
