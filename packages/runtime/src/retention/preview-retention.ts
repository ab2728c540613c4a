import type { RetentionRunDetail } from "@lethe/contracts";
import { retentionCutoff } from "@lethe/core";
import { countRetentionRunItems, getRetentionSchedule, insertRetentionRun, insertRetentionRunItems, updateRetentionRun } from "@lethe/db";
import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/append-audit";
import { describeFailure } from "../failure";
import { openInstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { decidedExpiredPages } from "./expired-items";
import { RetentionScheduleNotFoundError } from "./retention-errors";
import { retentionRunDetail } from "./retention-run-view";

/** What time it is for retention: the injected clock (tests move it), else the system's. */
export const retentionNow = (deps: Pick<RuntimeDependencies, "clock">): Date => deps.clock?.now() ?? new Date();

/**
 * The dry run of a schedule now: every record past its period found through the connector and
 * decided (erase, or keep and why), stored as a `preview` run with its items — nothing is changed
 * at the vendor. Approval names this preview; the sweep later finds and decides the same way. A
 * connector failure ends the preview `failed` with the error (secrets scrubbed), not an exception.
 */
export async function previewRetention(
  deps: RuntimeDependencies,
  input: { scheduleId: string; actor: string; sampleSize?: number; signal?: AbortSignal },
): Promise<RetentionRunDetail> {
  const schedule = await getRetentionSchedule(deps.database.db, input.scheduleId);
  if (!schedule) throw new RetentionScheduleNotFoundError(input.scheduleId);
  const now = retentionNow(deps);
  const cutoff = retentionCutoff(now, schedule.period);
  const runId = randomUUID();
  const session = await openInstanceSession(deps, {
    instanceId: schedule.instanceId,
    checkpointKey: `retention-preview:${runId}`,
    signal: input.signal ?? new AbortController().signal,
    logFields: { retentionRunId: runId, scheduleId: schedule.id },
  });
  await insertRetentionRun(deps.database.db, {
    id: runId,
    scheduleId: schedule.id,
    kind: "preview",
    fingerprint: schedule.fingerprint,
    status: "running",
    cutoff,
    connectorId: session.connector.id,
    connectorVersion: session.connector.version,
    startedBy: input.actor,
  });
  let error: string | null = null;
  try {
    for await (const items of decidedExpiredPages(deps, { ...session, schedule, cutoff, now })) {
      await insertRetentionRunItems(deps.database.db, items.map((item) => ({ ...item, runId })));
    }
  } catch (failure) {
    error = describeFailure(failure, session.sensitiveValues);
  }
  await deps.database.db.transaction(async (tx) => {
    const counts = await countRetentionRunItems(tx, runId);
    await updateRetentionRun(tx, runId, { status: error ? "failed" : "completed", counts, error, finishedAt: new Date() });
    await appendAudit(tx, {
      actor: input.actor,
      action: error ? "retention.preview_failed" : "retention.previewed",
      payload: { runId, scheduleId: schedule.id, fingerprint: schedule.fingerprint, cutoff: cutoff.toISOString(), counts },
    });
  });
  return retentionRunDetail(deps.database.db, runId, input.sampleSize ?? 20);
}
