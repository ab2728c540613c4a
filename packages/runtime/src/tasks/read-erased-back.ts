import { recordKey, type RecordRef } from "@lethe/connector-sdk";
import { insertReceipt, listReceipts } from "@lethe/db";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import type { InstancePayload } from "./jobs";

/** Settled erase outcomes that claim the record is gone from the vendor. */
const claimedGone = new Set(["erased", "already-absent"]);

/**
 * Reads back by id every record the approved plan erased and whose settled receipt says it is gone
 * (after an asynchronous job reported done), through the connector's `readBack`: a record the
 * vendor still holds gets a `verify` receipt `still-present` naming what was found, one it no
 * longer holds a `verified` receipt — the proof `completed` rests on (docs/rights-engine.md,
 * "Outcome of a request"). Records already receipted in `verify` (found again by the search, or
 * read back before a crash) are not read twice. Returns how many were read back.
 *
 * A connector without `readBack` is proven by the search alone, as before it existed.
 */
export async function readErasedBack(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  session: ConnectorSession,
  plan: ReadonlyArray<{ ref: RecordRef; action: string | null }>,
  settled: ReadonlyMap<string, string>,
  signal: AbortSignal,
): Promise<number> {
  const { connector } = session;
  const readBack = connector.readBack?.bind(connector);
  if (!readBack || !connector.capabilities.readBack) return 0;
  const { db } = deps.database;
  const verified = new Set(
    (await listReceipts(db, { ...payload, phase: "verify" })).map((row) => recordKey({ type: row.recordType, id: row.recordId })),
  );
  const asked = new Map<string, RecordRef>();
  for (const { ref, action } of plan) {
    const refKey = recordKey(ref);
    const outcome = settled.get(refKey);
    if (action !== "erase" || outcome === undefined || !claimedGone.has(outcome) || verified.has(refKey)) continue;
    asked.set(refKey, ref);
  }
  if (asked.size === 0) return 0;

  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const outstanding = new Set(asked.keys());
  for await (const presence of readBack(session.ctx, [...asked.values()])) {
    signal.throwIfAborted();
    const refKey = recordKey(presence.ref);
    if (!outstanding.has(refKey)) {
      throw new ConnectorProtocolError(`readBack answered for ${refKey}, which it was not asked about (or twice)`);
    }
    outstanding.delete(refKey);
    const outcome = settled.get(refKey) ?? "erased";
    await insertReceipt(db, {
      ...payload,
      ...version,
      recordType: presence.ref.type,
      recordId: presence.ref.id,
      phase: "verify",
      outcome: presence.present ? "still-present" : "verified",
      detail: presence.present
        ? `read back by id after the vendor reported it "${outcome}": ${presence.detail ?? "the vendor still holds it"}`
        : "read back by id: the vendor no longer holds it",
    });
  }
  if (outstanding.size > 0) {
    throw new ConnectorProtocolError(`readBack gave no answer for ${outstanding.size} of the records it was asked about`);
  }
  return asked.size;
}

