import { enqueueJob, type JobSpec } from "@lethe/db";
import type { RuntimeDependencies } from "../runtime-dependencies";

/**
 * Whether a job of this instance may start now (tasks/instance-breaker.ts). While the instance's
 * breaker is open the job is added again for the end of the cool-down and ends at once: waiting
 * costs it nothing of its retry budget, so a dead vendor does not burn every job's attempts.
 */
export async function breakerAdmits(
  deps: RuntimeDependencies,
  instanceId: string,
  later: (runAt: Date) => JobSpec,
): Promise<boolean> {
  const admission = deps.breakers?.admit(instanceId);
  if (!admission || admission.admitted) return true;
  await enqueueJob(deps.database.db, later(admission.retryAt));
  deps.log("debug", "job held back: the instance's breaker is open", { instanceId, runAt: admission.retryAt.toISOString() });
  return false;
}
