import { recordKey, type ErasePlan, type RecordRef, declaredOperations } from "@lethe/connector-sdk";
import {
  deleteCheckpointsWithPrefix,
  insertReceipt,
  listReceipts,
  listReleasableItems,
  markPlanItemReleased,
  type ReleasableItem,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { Task } from "graphile-worker";
import { openConnectorSession, type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError, describeFailure } from "../failure";
import { checkpointKey } from "../postgres-checkpoint-store";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { erasureOutcomes, receiptColumns } from "../tasks/erase-task";
import { checkLocatedRecord } from "../tasks/locate-task";

/** Erase outcomes under which the record is meant to still be there, so verification skips it. */
const keptOnPurpose = new Set(["retained", "pending"]);

/**
 * The periodic release of legal holds (docs/rights-engine.md, "Holds"): every retained plan item
 * whose hold ended or expired, or whose rule retention (`retain_until`) ran out, and whose request
 * is closed, is erased through its connector — no new request. Per request and instance: the
 * records are erased in one `connector.erase` call, each receipt stored with phase `release`
 * (naming the hold) before the next is pulled, the system is read again to prove they are gone
 * (a record found again gets a `verify` receipt `still-present`), and then, in one transaction,
 * each item's action becomes `erase` with the reason and `hold.released` is audited (ids and
 * counts only).
 *
 * Crash-safe like the erase task: a re-run skips records that already have a `release` receipt,
 * and a record deleted by the vendor just before a crash is reported `already-absent` when asked
 * again; items change only after their receipts exist, so a re-run finds what is left to do. A
 * group whose connector fails is logged and left for the next run; the others go on.
 */
export function releaseHoldsTask(deps: RuntimeDependencies): Task {
  return async (_payload, helpers) => {
    const items = await listReleasableItems(deps.database.db, new Date());
    for (const group of groupByRequestAndInstance(items)) {
      helpers.abortSignal?.throwIfAborted();
      let session: ConnectorSession | undefined;
      try {
        session = await openConnectorSession(deps, {
          requestId: group.requestId,
          instanceId: group.instanceId,
          phase: "release",
          signal: helpers.abortSignal ?? new AbortController().signal,
        });
        await releaseOnInstance(deps, group, session, helpers.abortSignal);
      } catch (error) {
        if (helpers.abortSignal?.aborted) throw error;
        deps.log("warn", "releasing held records failed; the next run tries again", {
          requestId: group.requestId,
          instanceId: group.instanceId,
          error: describeFailure(error, session?.sensitiveValues ?? []),
        });
      }
    }
  };
}

interface ReleaseGroup {
  requestId: string;
  instanceId: string;
  items: ReleasableItem[];
}

function groupByRequestAndInstance(items: readonly ReleasableItem[]): ReleaseGroup[] {
  const groups = new Map<string, ReleaseGroup>();
  for (const item of items) {
    const key = `${item.requestId}:${item.instanceId}`;
    const group = groups.get(key) ?? { requestId: item.requestId, instanceId: item.instanceId, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function releaseOnInstance(
  deps: RuntimeDependencies,
  group: ReleaseGroup,
  session: ConnectorSession,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { database } = deps;
  const { connector } = session;
  const declaredErase = declaredOperations(connector).erase;
  if (!declaredErase) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no erase operation`);
  }
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const target = { requestId: group.requestId, instanceId: group.instanceId };
  const byRef = new Map(group.items.map((item) => [recordKey({ type: item.recordType, id: item.recordId }), item]));

  const released = new Map(
    (await listReceipts(database.db, { ...target, phase: "release" })).map((row) => [
      recordKey({ type: row.recordType, id: row.recordId }),
      row.outcome,
    ]),
  );
  const outstanding: RecordRef[] = [];
  for (const item of group.items) {
    const ref = { type: item.recordType, id: item.recordId };
    if (!released.has(recordKey(ref))) outstanding.push(ref);
  }

  if (outstanding.length > 0) {
    const plan: ErasePlan = { action: declaredErase.mode === "anonymise" ? "anonymise" : "erase" };
    for await (const receipt of declaredErase.run(session.ctx, outstanding, plan)) {
      signal?.throwIfAborted();
      const refKey = recordKey(receipt.ref);
      const item = byRef.get(refKey);
      if (!item) throw new ConnectorProtocolError(`erase returned a receipt for ${refKey}, which it was not asked to erase`);
      if (!erasureOutcomes.has(receipt.outcome)) {
        throw new ConnectorProtocolError(`erase returned an unknown outcome for ${refKey}`);
      }
      await insertReceipt(database.db, {
        ...target,
        ...version,
        ...receiptColumns(receipt),
        phase: "release",
        hold: { id: item.holdId, basis: item.holdBasis, released: item.cause },
      });
      released.set(refKey, receipt.outcome);
    }
    const missing = outstanding.filter((ref) => !released.has(recordKey(ref)));
    if (missing.length > 0) {
      throw new ConnectorProtocolError(`erase returned no receipt for ${missing.length} of the records it was asked to erase`);
    }
  }

  const stillPresent = await verifyReleased(deps, session, target, version, byRef, released, signal);

  await database.db.transaction(async (tx) => {
    const perHold = new Map<string, { item: ReleasableItem; released: number }>();
    for (const item of group.items) {
      const changed = await markPlanItemReleased(tx, item.locatedRecordId, releaseReason(item));
      if (!changed) continue;
      const entry = perHold.get(item.holdId) ?? { item, released: 0 };
      entry.released += 1;
      perHold.set(item.holdId, entry);
    }
    // The connector's cursor of this release is spent; a later release on the same request and
    // instance (another hold ending) must start from its own first record.
    await deleteCheckpointsWithPrefix(tx, checkpointKey(group.requestId, group.instanceId, "release"));
    for (const { item, released: count } of perHold.values()) {
      await appendAudit(tx, {
        actor: "worker",
        action: "hold.released",
        requestId: group.requestId,
        payload: {
          holdId: item.holdId,
          instanceId: group.instanceId,
          cause: item.cause,
          released: count,
          reverified: stillPresent !== null,
          stillPresent: stillPresent ?? 0,
        },
      });
    }
  });
}

/**
 * Proves the release by reading the system again with the subject's identifiers, as the verify
 * task does: a released record found again gets a `verify` receipt `still-present`. The original
 * verification skipped retained records, so the record has no verify receipt yet. A request whose
 * identifiers were already minimised cannot be searched again: null then (nothing is claimed).
 */
async function verifyReleased(
  deps: RuntimeDependencies,
  session: ConnectorSession,
  target: { requestId: string; instanceId: string },
  version: { connectorId: string; connectorVersion: string },
  byRef: ReadonlyMap<string, ReleasableItem>,
  released: ReadonlyMap<string, string>,
  signal: AbortSignal | undefined,
): Promise<number | null> {
  if (session.identifiers.length === 0) return null;
  let stillPresent = 0;
  for await (const record of session.connector.locate(session.ctx, { identifiers: session.identifiers })) {
    signal?.throwIfAborted();
    checkLocatedRecord(record);
    const refKey = recordKey(record.ref);
    const outcome = released.get(refKey);
    if (!byRef.has(refKey) || outcome === undefined || keptOnPurpose.has(outcome)) continue;
    stillPresent += 1;
    await insertReceipt(deps.database.db, {
      ...target,
      ...version,
      recordType: record.ref.type,
      recordId: record.ref.id,
      phase: "verify",
      outcome: "still-present",
      detail: `found again after its release receipt said "${outcome}"`,
    });
  }
  return stillPresent;
}

function releaseReason(item: ReleasableItem): string {
  const why =
    item.cause === "ended" ? "ended" : item.cause === "expired" ? "expired" : "retention period ran out";
  return `hold "${item.holdTitle}" ${why} (${item.holdBasis}); erased on release`;
}
