import { recordKey, type ErasureOutcome, type FieldUpdate, type RecordRef, declaredOperations } from "@lethe/connector-sdk";
import { startRequestTask, type PlanItemView, type TaskKey } from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { completeTask } from "./complete-task";
import { taskNames, type InstancePayload } from "./jobs";
import { instanceTask } from "./instance-task";
import {
  approvedItems,
  outcomeCounts,
  receiptedKeys,
  refOf,
  storeReceipt,
  storeVerification,
  type ConnectorVersion,
} from "./plan-item-receipts";

const rectifyOutcomes = new Set<ErasureOutcome>(["rectified", "already-absent"]);

/** `plan_items.field_updates` as the plan builder writes it (docs/rights-engine.md). */
const fieldUpdates = z.array(z.object({ field: z.string().min(1), value: z.string() })).min(1);

/**
 * Applies the approved `rectify` items of one instance — each record's reviewed field updates
 * through `connector.rectify` — then proves them by reading each record back through
 * `connector.export`: a `verify` receipt `verified` when every updated field holds its new value,
 * `not-applied` (naming the fields, never the values) when one does not.
 *
 * Rectification always waits for a person's approval (docs/rights-engine.md), so only approved
 * items are read, never located records. A receipt is stored before the next record is asked
 * for, and a re-run skips receipted records: a worker killed mid-way neither repeats an update nor
 * loses one (repeating would be harmless — it sets the same values — but it would spend the rate
 * limit and blur the receipts).
 */
export function rectifyTask(deps: RuntimeDependencies): Task {
  return instanceTask(
    deps,
    { task: taskNames.rectify, phase: "rectify", during: "executing" },
    ({ payload, key, session, signal }) => rectifyOnInstance(deps, payload, key, session, signal),
  );
}

async function rectifyOnInstance(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  signal: AbortSignal,
): Promise<void> {
  const { connector } = session;
  const rectify = declaredOperations(connector).rectify?.apply;
  if (!rectify) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no rectify operation`);
  }
  const version: ConnectorVersion = { connectorId: connector.id, connectorVersion: connector.version };
  if (!(await startRequestTask(deps.database.db, key, version))) return;

  const { all, outstanding } = await approvedItems(deps, payload, "rectify", "rectify");
  for (const view of outstanding) {
    signal.throwIfAborted();
    const ref = refOf(view);
    const receipt = await rectify(session.ctx, ref, updatesOf(view));
    await storeReceipt(deps, { payload, version, phase: "rectify", asked: new Set([recordKey(ref)]) }, receipt, rectifyOutcomes);
  }

  await verifyRectified(deps, payload, version, session, all, signal);

  const outcomes = await outcomeCounts(deps, payload, "rectify");
  const verification = await outcomeCounts(deps, payload, "verify");
  await completeTask(deps, {
    key,
    progress: { ...outcomes, verification },
    audit: { action: "rectify.completed", payload: { instanceId: payload.instanceId, ...version, outcomes, verification } },
  });
}

function updatesOf(view: PlanItemView): FieldUpdate[] {
  const parsed = fieldUpdates.safeParse(view.item.fieldUpdates);
  if (!parsed.success) {
    // The plan is ours: a malformed one is a bug to fix, not something to half-apply.
    throw new Error(`plan item ${view.item.locatedRecordId} has no valid field_updates to apply`);
  }
  return parsed.data;
}

/**
 * Reads each rectified record back (export) and compares the fields that were updated. E-mail
 * addresses compare without case (vendors lower-case them). Records already verified are skipped.
 */
async function verifyRectified(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  version: ConnectorVersion,
  session: ConnectorSession,
  items: PlanItemView[],
  signal: AbortSignal,
): Promise<void> {
  const { connector } = session;
  const rectified = await receiptedKeys(deps, payload, "rectify", new Set(["rectified"]));
  const verified = await receiptedKeys(deps, payload, "verify");
  const toCheck = new Map<string, { ref: RecordRef; updates: FieldUpdate[] }>();
  for (const view of items) {
    const ref = refOf(view);
    if (rectified.has(recordKey(ref)) && !verified.has(recordKey(ref))) toCheck.set(recordKey(ref), { ref, updates: updatesOf(view) });
  }
  if (toCheck.size === 0) return;
  const context = { payload, version };
  const exportRecords = declaredOperations(connector).export;
  if (!exportRecords) {
    for (const { ref } of toCheck.values()) {
      await storeVerification(deps, context, ref, "unverifiable", `connector "${connector.id}" cannot read records back (no export)`);
    }
    return;
  }
  const refs = [...toCheck.values()].map((entry) => entry.ref);
  for await (const item of exportRecords(session.ctx, refs)) {
    signal.throwIfAborted();
    // Binary items (files) hold no fields; they are skipped unread.
    if (item.kind !== "record") continue;
    const entry = toCheck.get(recordKey(item.ref));
    if (!entry) continue;
    const differing = entry.updates.filter((update) => !holdsValue(item.data[update.field], update));
    await storeVerification(
      deps,
      context,
      entry.ref,
      differing.length === 0 ? "verified" : "not-applied",
      differing.length === 0
        ? `read back: ${entry.updates.map((update) => update.field).join(", ")} hold the new values`
        : `read back: ${differing.map((update) => update.field).join(", ")} do not hold the new values`,
    );
    toCheck.delete(recordKey(item.ref));
  }
  for (const { ref } of toCheck.values()) {
    await storeVerification(deps, context, ref, "unverifiable", "the record could not be read back after it was rectified");
  }
}

function holdsValue(actual: unknown, update: FieldUpdate): boolean {
  if (typeof actual !== "string") return false;
  return update.field.toLowerCase().includes("email")
    ? actual.toLowerCase() === update.value.toLowerCase()
    : actual.trim() === update.value.trim();
}
