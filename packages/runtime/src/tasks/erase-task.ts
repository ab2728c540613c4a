import {
  recordKey,
  type ErasePlan,
  type ErasureOutcome,
  type ErasureReceipt,
  type RecordRef,
} from "@lethe/connector-sdk";
import {
  enqueueJob,
  ensureRequestTask,
  insertReceipt,
  listLocatedRecords,
  listReceipts,
  startRequestTask,
  type TaskKey,
} from "@lethe/db";
import type { Task } from "graphile-worker";
import { openConnectorSession, type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { completeTask } from "./complete-task";
import { confirmStarted } from "./confirm-task";
import { confirmDelayMs, defaultConfirmSchedule } from "./confirm-schedule";
import { instanceJob, instancePayloadSchema, taskNames, type InstancePayload } from "./jobs";
import { requestIsIn } from "./request-gate";
import { handleTaskFailure } from "./task-failure";

/**
 * Erases the subject's strongly matched records on one instance, then schedules verification —
 * or, when some deletions are `pending` at the vendor and the connector can confirm them, the
 * confirm task first (see confirm-task.ts), which schedules verification once they are settled.
 *
 * Why a worker killed at any instant erases nothing twice:
 * - every receipt the connector yields is stored (`receipts`, unique per request, instance,
 *   record and phase) before the next one is pulled from the connector, so each receipt is
 *   committed before the connector moves on to the next record;
 * - a restarted job first drops the refs that already have an erase receipt, so it never asks
 *   the vendor to delete a record whose deletion is on record;
 * - the one window left is between the vendor's delete and the receipt's commit. A job killed
 *   there is retried, asks to delete the same record, and the vendor no longer has it: the
 *   connector reports `already-absent` (CONNECTORS.md: NotFound is not an error during erase).
 *   The vendor performed exactly one effective deletion — which is what the sandbox oracle's
 *   `deletions` count measures — and the receipt says truthfully that the record is gone.
 * Weakly matched records are not erased here: they wait for review.
 */
export function eraseTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const payload = instancePayloadSchema.parse(rawPayload);
    const key: TaskKey = { ...payload, phase: "erase" };
    const later = (runAt: Date) => instanceJob(taskNames.erase, payload, runAt);
    if (!(await requestIsIn(deps, payload.requestId, "executing", later))) return;
    let session: ConnectorSession | undefined;
    try {
      session = await openConnectorSession(deps, { ...payload, phase: "erase", signal: helpers.abortSignal });
      await eraseOnInstance(deps, payload, key, session, helpers.abortSignal);
    } catch (error) {
      await handleTaskFailure(
        deps,
        helpers,
        { key, connectorId: session?.connector.id ?? "unknown", retryJob: later, sensitiveValues: session?.sensitiveValues ?? [] },
        error,
      );
    }
  };
}

async function eraseOnInstance(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  signal: AbortSignal,
): Promise<void> {
  const { database } = deps;
  const { connector } = session;
  const erase = connector.erase;
  if (!erase || connector.capabilities.erase === false) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no erase operation`);
  }
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  if (!(await startRequestTask(database.db, key, version))) return;

  const located = await listLocatedRecords(database.db, { ...payload, strength: "strong" });
  const receipted = new Set(
    (await listReceipts(database.db, { ...payload, phase: "erase" })).map((row) =>
      recordKey({ type: row.recordType, id: row.recordId }),
    ),
  );
  const outstanding = new Map<string, RecordRef>();
  for (const row of located) {
    const ref = { type: row.recordType, id: row.recordId };
    if (!receipted.has(recordKey(ref))) outstanding.set(recordKey(ref), ref);
  }

  if (outstanding.size > 0) {
    const plan: ErasePlan = { action: connector.capabilities.erase.mode === "anonymise" ? "anonymise" : "erase" };
    const receipts = erase.call(connector, session.ctx, [...outstanding.values()], plan);
    for await (const receipt of receipts) {
      signal.throwIfAborted();
      const refKey = recordKey(receipt.ref);
      if (!outstanding.has(refKey) && !receipted.has(refKey)) {
        throw new ConnectorProtocolError(`erase returned a receipt for ${refKey}, which it was not asked to erase`);
      }
      if (!erasureOutcomes.has(receipt.outcome)) {
        throw new ConnectorProtocolError(`erase returned an unknown outcome for ${refKey}`);
      }
      await insertReceipt(database.db, { ...payload, ...version, ...receiptColumns(receipt), phase: "erase" });
      outstanding.delete(refKey);
      receipted.add(refKey);
    }
    if (outstanding.size > 0) {
      throw new ConnectorProtocolError(
        `erase returned no receipt for ${outstanding.size} of the records it was asked to erase`,
      );
    }
  }

  const outcomes = await eraseOutcomes(deps, payload);
  await completeTask(deps, {
    key,
    progress: outcomes,
    audit: { action: "erase.completed", payload: { instanceId: payload.instanceId, ...version, outcomes } },
    alsoWrite: async (tx) => {
      if ((outcomes.pending ?? 0) > 0 && connector.confirm && connector.capabilities.confirm) {
        const now = new Date();
        const delay = confirmDelayMs(deps.confirmSchedule ?? defaultConfirmSchedule, 0);
        await ensureRequestTask(tx, { ...payload, ...version, phase: "confirm", progress: confirmStarted(now) });
        await enqueueJob(tx, instanceJob(taskNames.confirm, payload, new Date(now.getTime() + delay)));
        return;
      }
      await ensureRequestTask(tx, { ...payload, ...version, phase: "verify" });
      await enqueueJob(tx, instanceJob(taskNames.verify, payload));
    },
  });
}

/** The outcomes an erase receipt may carry (also checked on a hold's release). */
export const erasureOutcomes = new Set<string>([
  "erased",
  "anonymised",
  "redacted",
  "already-absent",
  "retained",
  "pending",
] satisfies ErasureOutcome[]);

export function receiptColumns(receipt: ErasureReceipt) {
  return {
    recordType: receipt.ref.type,
    recordId: receipt.ref.id,
    outcome: receipt.outcome,
    detail: receipt.detail ?? null,
    pendingJobId: receipt.pending?.jobId ?? null,
    hold: receipt.hold ?? null,
  };
}

async function eraseOutcomes(deps: RuntimeDependencies, payload: InstancePayload): Promise<Record<string, number>> {
  const rows = await listReceipts(deps.database.db, { ...payload, phase: "erase" });
  const outcomes: Record<string, number> = {};
  for (const row of rows) outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + 1;
  return outcomes;
}
