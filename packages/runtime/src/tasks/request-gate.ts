import type { RequestStatus } from "@lethe/core";
import { enqueueJob, getRequest, type JobSpec, type RequestRow } from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";

/** How long a job for a paused request waits before it looks again. */
const pausedRecheckMs = 60_000;

/**
 * Whether a job may do its work: only while the request is in the phase the job belongs to.
 * A paused request's job is added again for later (its work is kept, not dropped); a cancelled,
 * finished or vanished request's job ends without doing anything.
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
  if (!request) return null;
  if (request.status === phase) return request;
  if (request.status === "paused") {
    await enqueueJob(deps.database.db, later(new Date(Date.now() + pausedRecheckMs)));
  }
  deps.log("debug", "job skipped: request is not in its phase", { requestId, phase, status: request.status });
  return null;
}
