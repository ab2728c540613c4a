import type { RetentionRun, RetentionRunDetail, RetentionRunItem } from "@lethe/contracts";
import { getRetentionRun, listRetentionRunItems, listRetentionRuns, type Executor, type RetentionRunItemRow, type RetentionRunRow } from "@lethe/db";
import { RetentionRunNotFoundError } from "./retention-errors";

const kinds = ["preview", "sweep"] as const;
const statuses = ["queued", "running", "confirming", "completed", "failed"] as const;

export function retentionRunView(row: RetentionRunRow): RetentionRun {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    kind: kinds.find((kind) => kind === row.kind) ?? "sweep",
    fingerprint: row.fingerprint,
    status: statuses.find((status) => status === row.status) ?? "failed",
    cutoff: row.cutoff.toISOString(),
    connectorId: row.connectorId,
    connectorVersion: row.connectorVersion,
    counts: row.counts,
    error: row.error,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function itemView(row: RetentionRunItemRow): RetentionRunItem {
  return {
    recordType: row.recordType,
    recordId: row.recordId,
    label: row.label,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    action: row.action === "keep" ? "keep" : "erase",
    keepReason: row.keepReason,
    outcome: row.outcome,
    detail: row.detail,
  };
}

/**
 * A run and its items; with `sampleSize`, only the first that many of each action (the preview's
 * samples — `counts` still has the totals).
 */
export async function retentionRunDetail(executor: Executor, runId: string, sampleSize?: number): Promise<RetentionRunDetail> {
  const run = await getRetentionRun(executor, runId);
  if (!run) throw new RetentionRunNotFoundError(runId);
  const items = await listRetentionRunItems(executor, runId);
  if (sampleSize === undefined) return { run: retentionRunView(run), items: items.map(itemView), sampled: false };
  const sample = [...items.filter((item) => item.action === "erase").slice(0, sampleSize), ...items.filter((item) => item.action === "keep").slice(0, sampleSize)];
  return { run: retentionRunView(run), items: sample.map(itemView), sampled: sample.length < items.length };
}

/** Previews and sweeps, newest first; one schedule's when `scheduleId` is given. */
export async function listRetentionRunViews(executor: Executor, scheduleId?: string): Promise<RetentionRun[]> {
  return (await listRetentionRuns(executor, scheduleId ? { scheduleId } : {})).map(retentionRunView);
}
