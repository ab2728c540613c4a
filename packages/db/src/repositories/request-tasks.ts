import { and, asc, eq, sql } from "drizzle-orm";
import { connectorInstances, requestTasks } from "../schema";
import type { Executor } from "./executor";

export type RequestTaskRow = typeof requestTasks.$inferSelect;
export type TaskPhase = "locate" | "export" | "erase" | "confirm" | "verify" | "rectify" | "restrict";
export type TaskStatus = "pending" | "running" | "done" | "failed";

export interface TaskKey {
  requestId: string;
  instanceId: string;
  phase: TaskPhase;
}

export interface NewRequestTask extends TaskKey {
  connectorId: string;
  connectorVersion: string;
  status?: TaskStatus;
  lastError?: string;
  progress?: Record<string, unknown>;
}

const byKey = (key: TaskKey) =>
  and(
    eq(requestTasks.requestId, key.requestId),
    eq(requestTasks.instanceId, key.instanceId),
    eq(requestTasks.phase, key.phase),
  );

/** Creates the task row of one phase on one instance; an existing row is left as it is. */
export async function ensureRequestTask(tx: Executor, task: NewRequestTask): Promise<void> {
  await tx
    .insert(requestTasks)
    .values({
      requestId: task.requestId,
      instanceId: task.instanceId,
      phase: task.phase,
      connectorId: task.connectorId,
      connectorVersion: task.connectorVersion,
      status: task.status ?? "pending",
      lastError: task.lastError ?? null,
      progress: task.progress ?? {},
    })
    .onConflictDoNothing();
}

/**
 * Creates the task row, or sets a finished one pending again for another pass (the next locate
 * round, the part of a plan approved after review): progress and error are cleared.
 */
export async function openRequestTask(tx: Executor, task: NewRequestTask): Promise<void> {
  await tx
    .insert(requestTasks)
    .values({
      requestId: task.requestId,
      instanceId: task.instanceId,
      phase: task.phase,
      connectorId: task.connectorId,
      connectorVersion: task.connectorVersion,
      status: "pending",
      progress: task.progress ?? {},
    })
    .onConflictDoUpdate({
      target: [requestTasks.requestId, requestTasks.instanceId, requestTasks.phase],
      set: { status: "pending", progress: task.progress ?? {}, lastError: null, updatedAt: new Date() },
    });
}

export async function getRequestTask(tx: Executor, key: TaskKey): Promise<RequestTaskRow | null> {
  const [row] = await tx.select().from(requestTasks).where(byKey(key));
  return row ?? null;
}

/**
 * Marks a task running for one more attempt and records the connector version doing the work
 * (an upgrade between attempts shows in the row). Returns null when the task is already finished,
 * which a re-delivered job must treat as "nothing to do".
 */
export async function startRequestTask(
  tx: Executor,
  key: TaskKey,
  connector: { connectorId: string; connectorVersion: string },
): Promise<RequestTaskRow | null> {
  const [row] = await tx
    .update(requestTasks)
    .set({
      status: "running",
      attempts: sql`${requestTasks.attempts} + 1`,
      connectorId: connector.connectorId,
      connectorVersion: connector.connectorVersion,
      updatedAt: new Date(),
    })
    .where(and(byKey(key), sql`${requestTasks.status} in ('pending', 'running')`))
    .returning();
  return row ?? null;
}

export async function recordTaskProgress(
  tx: Executor,
  key: TaskKey,
  progress: Record<string, unknown>,
): Promise<void> {
  await tx.update(requestTasks).set({ progress, updatedAt: new Date() }).where(byKey(key));
}

/** Ends a task; `lastError` must already be free of identifiers and secrets. */
export async function finishRequestTask(
  tx: Executor,
  key: TaskKey,
  result: { status: "done" | "failed"; progress?: Record<string, unknown>; lastError?: string | null },
): Promise<void> {
  await tx
    .update(requestTasks)
    .set({
      status: result.status,
      ...(result.progress ? { progress: result.progress } : {}),
      lastError: result.lastError ?? null,
      updatedAt: new Date(),
    })
    .where(byKey(key));
}

/** Records a failed attempt that will be retried; the task stays pending. */
export async function recordTaskRetry(tx: Executor, key: TaskKey, lastError: string): Promise<void> {
  await tx
    .update(requestTasks)
    .set({ status: "pending", lastError, updatedAt: new Date() })
    .where(and(byKey(key), sql`${requestTasks.status} in ('pending', 'running')`));
}

export interface RequestTaskView extends RequestTaskRow {
  instanceName: string;
}

export async function listRequestTasks(tx: Executor, requestId: string): Promise<RequestTaskView[]> {
  const rows = await tx
    .select({ task: requestTasks, instanceName: connectorInstances.name })
    .from(requestTasks)
    .innerJoin(connectorInstances, eq(connectorInstances.id, requestTasks.instanceId))
    .where(eq(requestTasks.requestId, requestId))
    .orderBy(asc(connectorInstances.name), asc(requestTasks.phase));
  return rows.map((row) => ({ ...row.task, instanceName: row.instanceName }));
}
