import {
  declaredOperations,
  recordKey,
  type DeclaredOperations,
  type ErasePlan,
  type ErasureOutcome,
  type ErasureReceipt,
  type RecordRef,
} from "@lethe/connector-sdk";
import {
  enqueueJob,
  insertReceipts,
  type NewReceipt,
  listPlanItems,
  listReceipts,
  startRequestTask,
  type PlanItemView,
  type TaskKey,
} from "@lethe/db";
import { confirmDelayMs, defaultConfirmSchedule, eraseActions, mentionOf, vendorHoldOf } from "@lethe/core";
import { enginePolicy } from "../plan/engine-policy";
import type { Task } from "graphile-worker";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { batchedWrites, storingBatches, type BatchedWrites } from "./batched-writes";
import { completeTask } from "./complete-task";
import { confirmStarted } from "./confirm-task";
import { instanceJob, taskNames, type InstancePayload } from "./jobs";
import { instanceTask } from "./instance-task";
import { reopenTask } from "./reopen-task";

/**
 * Carries out the approved erase/anonymise/redact/retain items of the plan on one instance
 * (never located records directly): erase, anonymise and redact through `connector.erase`, one
 * call per action; `retain` as a receipt naming the hold and its basis without calling the
 * vendor. Then schedules verification —
 * or, when some deletions are `pending` at the vendor and the connector can confirm them, the
 * confirm task first (see confirm-task.ts), which schedules verification once they are settled.
 *
 * Why a worker killed at any instant erases nothing twice:
 * - the receipts the connector yields are stored (`receipts`, unique per request, instance,
 *   record and phase) in batches (batched-writes.ts), and the connector's checkpoint only after
 *   the batch it covers; a failure stores the batch before the job fails;
 * - a restarted job first drops the refs that already have an erase receipt, so it never asks
 *   the vendor to delete a record whose deletion is on record;
 * - the one window left is between the vendor's delete and the commit of its receipt's batch.
 *   A job killed there is retried, asks to delete the same record, and the vendor no longer has it: the
 *   connector reports `already-absent` (docs/connectors.md: a record already gone is not an error during erase).
 *   The vendor performed exactly one effective deletion — which is what the sandbox oracle's
 *   `deletions` count measures — and the receipt says truthfully that the record is gone.
 * Weak matches pending review have no approved action, so nothing here touches them.
 */
export function eraseTask(deps: RuntimeDependencies): Task {
  return instanceTask(
    deps,
    { task: taskNames.erase, phase: "erase", during: "executing", deferCheckpoints: true },
    ({ payload, key, session, signal }) => eraseOnInstance(deps, payload, key, session, signal),
  );
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
  const operations = declaredOperations(connector);
  const erase = operations.erase?.run;
  if (!erase) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no erase operation`);
  }
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  if (!(await startRequestTask(database.db, key, version))) return;

  const items = await listPlanItems(database.db, { ...payload, approvedActions: eraseActions });
  const receipted = new Set(
    (await listReceipts(database.db, { ...payload, phase: "erase" })).map((row) =>
      recordKey({ type: row.recordType, id: row.recordId }),
    ),
  );
  const outstanding = new Map<string, RecordRef>();
  const byAction = new Map<string, PlanItemView[]>();
  for (const view of items) {
    const ref = { type: view.record.recordType, id: view.record.recordId };
    if (receipted.has(recordKey(ref))) continue;
    outstanding.set(recordKey(ref), ref);
    const approved = view.item.approvedAction ?? "erase";
    // A mention in another person's record is redacted on its own call: only the subject's
    // identifiers go, whatever the redact scope for held records says.
    const action = approved === "redact" && mentionOf(view.record.facts) ? mentionRedaction : approved;
    byAction.set(action, [...(byAction.get(action) ?? []), view]);
  }

  // Retained: the receipt names the hold and its basis — ours, or the one the vendor reported when
  // the record was located; the vendor is not called.
  const retained: NewReceipt[] = [];
  for (const view of byAction.get("retain") ?? []) {
    const vendorHold = vendorHoldOf(view.record.facts);
    retained.push({
      ...payload,
      ...version,
      recordType: view.record.recordType,
      recordId: view.record.recordId,
      phase: "erase",
      outcome: "retained",
      detail: view.item.reason,
      pendingJobId: null,
      hold: view.hold
        ? { id: view.hold.id, basis: view.hold.basis }
        : vendorHold
          ? { ...(vendorHold.id ? { id: vendorHold.id } : {}), basis: vendorHold.basis }
          : null,
    });
    outstanding.delete(recordKey({ type: view.record.recordType, id: view.record.recordId }));
  }
  await insertReceipts(database.db, retained);

  // Records that stay (redacted, anonymised) are dealt with before any deletion: deleting a CRM
  // contact can take its activities into a recycle bin where they can no longer be redacted.
  const stored = batchedWrites<NewReceipt>(async (batch) => {
    await insertReceipts(database.db, batch);
  }, session.checkpoint);
  await storingBatches(stored, () => eraseByAction(deps, session, byAction, erase, { payload, version, receipted, outstanding, stored, signal }));
  if (outstanding.size > 0) {
    throw new ConnectorProtocolError(
      `erase returned no receipt for ${outstanding.size} of the records it was asked to erase`,
    );
  }

  const outcomes = await eraseOutcomes(deps, payload);
  await completeTask(deps, {
    key,
    progress: outcomes,
    audit: { action: "erase.completed", payload: { instanceId: payload.instanceId, ...version, outcomes } },
    alsoWrite: async (tx) => {
      if ((outcomes.pending ?? 0) > 0 && operations.confirm) {
        const now = new Date();
        const delay = confirmDelayMs(deps.confirmSchedule ?? defaultConfirmSchedule, 0);
        await reopenTask(tx, { ...payload, ...version, phase: "confirm", progress: confirmStarted(now) });
        await enqueueJob(tx, instanceJob(taskNames.confirm, payload, new Date(now.getTime() + delay)));
        return;
      }
      await reopenTask(tx, { ...payload, ...version, phase: "verify" });
      await enqueueJob(tx, instanceJob(taskNames.verify, payload));
    },
  });
}

interface EraseProgress {
  payload: InstancePayload;
  version: { connectorId: string; connectorVersion: string };
  /** Records with an erase receipt, stored or in `stored`'s batch. */
  receipted: Set<string>;
  /** Records asked about that have no receipt yet. */
  outstanding: Map<string, RecordRef>;
  stored: BatchedWrites<NewReceipt>;
  signal: AbortSignal;
}

/** One `connector.erase` call per action group, each receipt checked and added to the batch. */
async function eraseByAction(
  deps: RuntimeDependencies,
  session: ConnectorSession,
  byAction: ReadonlyMap<string, PlanItemView[]>,
  erase: NonNullable<DeclaredOperations["erase"]>["run"],
  progress: EraseProgress,
): Promise<void> {
  const { payload, version, receipted, outstanding, stored, signal } = progress;
  for (const group of [mentionRedaction, "redact", "anonymise", "erase"] as const) {
    const views = byAction.get(group) ?? [];
    if (views.length === 0) continue;
    const action = group === mentionRedaction ? "redact" : group;
    const plan: ErasePlan =
      group === mentionRedaction
        ? { action: "redact", scope: "personal-data", identifiers: session.identifiers }
        : group === "redact"
          ? { action: "redact", scope: enginePolicy(deps).redactScope, identifiers: session.identifiers }
          : { action: group };
    const refs = views.map((view) => ({ type: view.record.recordType, id: view.record.recordId }));
    const asked = new Set(refs.map(recordKey));
    const receipts = erase(session.ctx, refs, plan);
    for await (const receipt of receipts) {
      signal.throwIfAborted();
      const refKey = recordKey(receipt.ref);
      if (!asked.has(refKey) && !receipted.has(refKey)) {
        throw new ConnectorProtocolError(`erase returned a receipt for ${refKey}, which it was not asked to ${action}`);
      }
      if (!erasureOutcomes.has(receipt.outcome)) {
        throw new ConnectorProtocolError(`erase returned an unknown outcome for ${refKey}`);
      }
      await stored.add({ ...payload, ...version, ...receiptColumns(receipt), phase: "erase" });
      outstanding.delete(refKey);
      receipted.add(refKey);
    }
  }
}

/** The group of approved `redact` items that are mentions in other people's records. */
const mentionRedaction = "redact-mention";

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
