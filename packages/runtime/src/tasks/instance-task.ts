import type { RequestStatus } from "@lethe/core";
import type { TaskKey, TaskPhase } from "@lethe/db";
import type { JobHelpers, Task } from "graphile-worker";
import { openConnectorSession, type ConnectorSession } from "../connector-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { breakerAdmits } from "./breaker-gate";
import { instanceJob, instancePayloadSchema, withRetry, type InstancePayload, type TaskName } from "./jobs";
import { requestIsIn } from "./request-gate";
import { handleTaskFailure } from "./task-failure";

/** Neither graphile-worker (after a crash or a thrown error) nor our retry policy has run this job before. */
export function isFirstRun(helpers: JobHelpers, payload: InstancePayload): boolean {
  return helpers.job.attempts <= 1 && payload.retry === undefined;
}

export interface InstanceWork {
  payload: InstancePayload;
  key: TaskKey;
  session: ConnectorSession;
  helpers: JobHelpers;
  signal: AbortSignal;
}

export interface InstanceTaskSpec {
  task: TaskName;
  /** The request_tasks phase this task advances. */
  phase: TaskPhase;
  /** The request status it runs in; in any other it reschedules itself or stops (request-gate.ts). */
  during: RequestStatus;
  /** The work stores yielded items in batches and flushes the connector's checkpoint itself. */
  deferCheckpoints?: boolean;
}

/**
 * What every per-instance task of the execution phase does around its work (locate has its own,
 * as its connector session is keyed per round): read the payload, wait for the request to be
 * in the status the task belongs to, open a connector session, run the work, and turn any failure
 * into a retry or a failed task (task-failure.ts) with the session's secrets and the subject's
 * identifiers scrubbed from the message.
 */
export function instanceTask(deps: RuntimeDependencies, spec: InstanceTaskSpec, work: (input: InstanceWork) => Promise<void>): Task {
  return async (rawPayload, helpers) => {
    const payload = instancePayloadSchema.parse(rawPayload);
    const key: TaskKey = { ...payload, phase: spec.phase };
    const later = (runAt: Date, retry = payload.retry) => withRetry(instanceJob(spec.task, payload, runAt), retry);
    if (!(await requestIsIn(deps, payload.requestId, spec.during, later))) return;
    if (!(await breakerAdmits(deps, payload.instanceId, later))) return;
    let session: ConnectorSession | undefined;
    try {
      session = await openConnectorSession(deps, {
        ...payload,
        phase: spec.phase,
        signal: helpers.abortSignal,
        ...(spec.deferCheckpoints ? { deferCheckpoints: true } : {}),
        firstRun: isFirstRun(helpers, payload),
      });
      await work({ payload, key, session, helpers, signal: helpers.abortSignal });
      deps.breakers?.recordSuccess(payload.instanceId);
    } catch (error) {
      await handleTaskFailure(
        deps,
        helpers,
        {
          key,
          connectorId: session?.connector.id ?? "unknown",
          retryJob: later,
          retry: payload.retry,
          sensitiveValues: session?.sensitiveValues ?? [],
        },
        error,
      );
    }
  };
}
