import { recordKey, type RecordPresence, type RecordRef, type ReadBackQuery } from "@lethe/connector-sdk";
import { insertReceipts, listReceipts, type NewReceipt } from "@lethe/db";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import type { InstancePayload } from "./jobs";

/** Settled erase outcomes that claim the record is gone from the vendor. */
const claimedGone = new Set(["erased", "already-absent"]);

/** One item of the approved plan, as verification needs it. */
export interface PlannedRecord {
  ref: RecordRef;
  action: string | null;
  /** Another person's record that only mentions the subject (plan/record-relation.ts). */
  mention: boolean;
}

/** A verify receipt's outcome and detail for one answer of `readBack`. */
type Verdict = { outcome: "verified" | "still-present" | "lost"; detail: string };

/**
 * Reads back by id, through the connector's `readBack`, every record the approved plan acted on
 * and whose settled receipt makes a claim that can be checked (docs/rights-engine.md, "Outcome of
 * a request"):
 *
 * - erased, and reported gone (`erased`, `already-absent`, after an asynchronous job reported
 *   done): still held → `still-present` naming what was found; no longer held → `verified`;
 * - redacted (`redacted`: kept, with the subject's identifiers removed), read with the subject's
 *   identifiers so the connector can say whether the record still mentions them: kept and no
 *   longer mentioning them → `verified`; still mentioning them → `still-present`; gone → `lost`,
 *   because the plan kept the record (another person's, or one a hold keeps) and the vendor no
 *   longer has it — not what was approved, so not a completed erasure.
 *
 * Every outcome but `verified` makes the request `partially_completed` (request-outcome.ts).
 * Records already receipted in `verify` (found again by the search, or read back before a crash)
 * are not read twice. Returns how many were read back. A connector without `readBack` is proven by
 * the search alone, as before it existed.
 */
export async function readBackRecords(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  session: ConnectorSession,
  plan: readonly PlannedRecord[],
  settled: ReadonlyMap<string, string>,
  signal: AbortSignal,
): Promise<number> {
  const { connector } = session;
  if (!connector.readBack || !connector.capabilities.readBack) return 0;
  const { db } = deps.database;
  const receipted = new Set(
    (await listReceipts(db, { ...payload, phase: "verify" })).map((row) => recordKey({ type: row.recordType, id: row.recordId })),
  );
  const erased = new Map<string, PlannedRecord>();
  const redacted = new Map<string, PlannedRecord>();
  for (const item of plan) {
    const refKey = recordKey(item.ref);
    const outcome = settled.get(refKey);
    if (outcome === undefined || receipted.has(refKey)) continue;
    if (item.action === "erase" && claimedGone.has(outcome)) erased.set(refKey, item);
    else if (item.action === "redact" && outcome === "redacted") redacted.set(refKey, item);
  }

  await readBatch(deps, payload, session, erased, undefined, signal, (presence) => erasedVerdict(presence, settled.get(recordKey(presence.ref))));
  await readBatch(deps, payload, session, redacted, { identifiers: session.identifiers }, signal, (presence, item) => redactedVerdict(presence, item));
  return erased.size + redacted.size;
}

/**
 * One `readBack` call over a batch, a receipt per answer, stored together in one statement
 * (also when the call fails part-way: the answers already given are true, and reading is all a
 * retry repeats); exactly one answer per ref asked.
 */
async function readBatch(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  session: ConnectorSession,
  asked: ReadonlyMap<string, PlannedRecord>,
  query: ReadBackQuery | undefined,
  signal: AbortSignal,
  verdictOf: (presence: RecordPresence, item: PlannedRecord) => Verdict,
): Promise<void> {
  const { connector } = session;
  if (asked.size === 0 || !connector.readBack) return;
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const refs = [...asked.values()].map((item) => item.ref);
  const outstanding = new Set(asked.keys());
  const answers = query ? connector.readBack(session.ctx, refs, query) : connector.readBack(session.ctx, refs);
  const receipts: NewReceipt[] = [];
  try {
    await collectVerdicts(answers, asked, outstanding, signal, (presence, item) =>
      receipts.push({ ...payload, ...version, recordType: presence.ref.type, recordId: presence.ref.id, phase: "verify", ...verdictOf(presence, item) }),
    );
  } finally {
    await insertReceipts(deps.database.db, receipts);
  }
  if (outstanding.size > 0) {
    throw new ConnectorProtocolError(`readBack gave no answer for ${outstanding.size} of the records it was asked about`);
  }
}

async function collectVerdicts(
  answers: AsyncIterable<RecordPresence>,
  asked: ReadonlyMap<string, PlannedRecord>,
  outstanding: Set<string>,
  signal: AbortSignal,
  receive: (presence: RecordPresence, item: PlannedRecord) => void,
): Promise<void> {
  for await (const presence of answers) {
    signal.throwIfAborted();
    const refKey = recordKey(presence.ref);
    const item = asked.get(refKey);
    if (!item || !outstanding.has(refKey)) {
      throw new ConnectorProtocolError(`readBack answered for ${refKey}, which it was not asked about (or twice)`);
    }
    outstanding.delete(refKey);
    receive(presence, item);
  }
}

function erasedVerdict(presence: RecordPresence, outcome = "erased"): Verdict {
  return presence.present
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "${outcome}": ${presence.detail ?? "the vendor still holds it"}` }
    : { outcome: "verified", detail: "read back by id: the vendor no longer holds it" };
}

function redactedVerdict(presence: RecordPresence, item: PlannedRecord): Verdict {
  const whose = item.mention ? "another person's record the plan only redacted" : "a record the plan kept and only redacted";
  if (!presence.present) {
    return { outcome: "lost", detail: `read back by id: ${whose} is gone from the vendor${presence.detail ? ` (${presence.detail})` : ""}` };
  }
  if (presence.mentionsSubject === undefined) {
    // Asked with the subject's identifiers, the connector must say whether they are still there:
    // without that answer nothing proves the redaction.
    throw new ConnectorProtocolError(`readBack did not say whether ${recordKey(presence.ref)} still mentions the subject (mentionsSubject)`);
  }
  return presence.mentionsSubject
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "redacted": ${whose} still holds the subject's identifiers${presence.detail ? ` (${presence.detail})` : ""}` }
    : { outcome: "verified", detail: "read back by id: kept, the subject's identifiers removed" };
}
