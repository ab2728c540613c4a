import { recordKey, type ErasureOutcome, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { insertReceipt, listPlanItems, listReceipts, type PlanItemView, type ReceiptPhase } from "@lethe/db";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import type { InstancePayload } from "./jobs";

/** Who did the work, stored on every receipt. */
export interface ConnectorVersion {
  connectorId: string;
  connectorVersion: string;
}

export const refOf = (view: PlanItemView): RecordRef => ({ type: view.record.recordType, id: view.record.recordId });

/**
 * The approved items of one action on one instance, split into those already receipted in
 * `phase` (a re-run after a crash must not apply them twice) and those still to do.
 */
export async function approvedItems(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  action: "rectify" | "restrict",
  phase: ReceiptPhase,
): Promise<{ all: PlanItemView[]; outstanding: PlanItemView[] }> {
  const all = await listPlanItems(deps.database.db, { ...payload, approvedActions: [action] });
  const done = await receiptedKeys(deps, payload, phase);
  return { all, outstanding: all.filter((view) => !done.has(recordKey(refOf(view)))) };
}

/** Keys of the records with a receipt in `phase` (with one of `outcomes`, when given). */
export async function receiptedKeys(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  phase: ReceiptPhase,
  outcomes?: ReadonlySet<string>,
): Promise<Set<string>> {
  const rows = await listReceipts(deps.database.db, { ...payload, phase });
  return new Set(
    rows.filter((row) => !outcomes || outcomes.has(row.outcome)).map((row) => recordKey({ type: row.recordType, id: row.recordId })),
  );
}

/**
 * Stores a connector's receipt for a record it was asked about, with an outcome the operation may
 * give; anything else is a connector bug, not something to record as done.
 */
export async function storeReceipt(
  deps: RuntimeDependencies,
  context: { payload: InstancePayload; version: ConnectorVersion; phase: ReceiptPhase; asked: ReadonlySet<string> },
  receipt: ErasureReceipt,
  allowed: ReadonlySet<ErasureOutcome>,
): Promise<void> {
  const key = recordKey(receipt.ref);
  if (!context.asked.has(key)) {
    throw new ConnectorProtocolError(`${context.phase} returned a receipt for ${key}, which it was not asked about`);
  }
  if (!allowed.has(receipt.outcome)) {
    throw new ConnectorProtocolError(`${context.phase} returned the outcome "${receipt.outcome}" for ${key}`);
  }
  await insertReceipt(deps.database.db, {
    ...context.payload,
    ...context.version,
    recordType: receipt.ref.type,
    recordId: receipt.ref.id,
    phase: context.phase,
    outcome: receipt.outcome,
    detail: receipt.detail ?? null,
  });
}

/**
 * Verification outcomes (phase `verify`), proven by reading the system after the change:
 * `verified` — the read-back shows it; `not-applied` — the record is there without it;
 * `unverifiable` — the connector cannot show it (no export, no restriction flag) or the record
 * could not be read back.
 */
export type ChangeVerification = "verified" | "not-applied" | "unverifiable";

export async function storeVerification(
  deps: RuntimeDependencies,
  context: { payload: InstancePayload; version: ConnectorVersion },
  ref: RecordRef,
  outcome: ChangeVerification,
  detail: string,
): Promise<void> {
  await insertReceipt(deps.database.db, {
    ...context.payload,
    ...context.version,
    recordType: ref.type,
    recordId: ref.id,
    phase: "verify",
    outcome,
    detail,
  });
}

/** Receipt counts of one phase and instance, by outcome (task progress and audit). */
export async function outcomeCounts(deps: RuntimeDependencies, payload: InstancePayload, phase: ReceiptPhase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await listReceipts(deps.database.db, { ...payload, phase })) counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
  return counts;
}
