import type { RetentionRun } from "@lethe/contracts";
import { retentionCutoff } from "@lethe/core";
import {
  currentRetentionApprovals,
  enqueueJob,
  getConnectorInstance,
  getRetentionSchedule,
  insertRetentionRun,
  unfinishedRetentionRuns,
  type JobSpec,
} from "@lethe/db";
import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/append-audit";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { maxJobAttempts, taskNames } from "../tasks/jobs";
import { retentionNow } from "./preview-retention";
import { RetentionNotApprovedError, RetentionScheduleNotFoundError } from "./retention-errors";
import { retentionRunView } from "./retention-run-view";

export function retentionSweepJob(runId: string): JobSpec {
  return { task: taskNames.retentionSweep, payload: { runId }, jobKey: `${taskNames.retentionSweep}:${runId}`, maxAttempts: maxJobAttempts };
}

/**
 * Starts a sweep of an approved schedule: the run (its cut-off fixed now, from the clock), its job
 * and an audit entry in one transaction. Only the approved terms run — a schedule whose current
 * fingerprint nobody approved is a `RetentionNotApprovedError`. A sweep of the schedule that is
 * still going is returned instead of starting a second one.
 */
export async function startRetentionSweep(deps: Pick<RuntimeDependencies, "database" | "registry" | "clock">, input: { scheduleId: string; actor: string }): Promise<RetentionRun> {
  return deps.database.db.transaction(async (tx) => {
    const schedule = await getRetentionSchedule(tx, input.scheduleId);
    if (!schedule) throw new RetentionScheduleNotFoundError(input.scheduleId);
    if (!(await currentRetentionApprovals(tx, [schedule])).has(schedule.id)) throw new RetentionNotApprovedError(schedule.name);
    const going = (await unfinishedRetentionRuns(tx, [schedule.id])).find((run) => run.kind === "sweep");
    if (going) return retentionRunView(going);
    const instance = await getConnectorInstance(tx, schedule.instanceId);
    const connector = instance ? deps.registry.get(instance.connectorId) : undefined;
    const cutoff = retentionCutoff(retentionNow(deps), schedule.period);
    const run = await insertRetentionRun(tx, {
      id: randomUUID(),
      scheduleId: schedule.id,
      kind: "sweep",
      fingerprint: schedule.fingerprint,
      status: "queued",
      cutoff,
      connectorId: connector?.id ?? instance?.connectorId ?? "",
      connectorVersion: connector?.version ?? "",
      startedBy: input.actor,
    });
    await enqueueJob(tx, retentionSweepJob(run.id));
    await appendAudit(tx, {
      actor: input.actor,
      action: "retention.sweep_started",
      payload: { runId: run.id, scheduleId: schedule.id, fingerprint: schedule.fingerprint, cutoff: cutoff.toISOString() },
    });
    return retentionRunView(run);
  });
}
