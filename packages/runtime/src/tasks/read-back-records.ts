import { recordKey, type RecordPresence, type RecordRef, type ReadBackQuery } from "@lethe/connector-sdk";
import { insertReceipt, listReceipts } from "@lethe/db";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import type { InstancePayload } from "./jobs";

/** Settled erase outcomes that claim the record is gone from the vendor. */
const claimedGone = new Set(["erased", "already-absent"]);
/** Settled outcomes of a redact plan that claim the subject's identifiers are out of the record. */
const claimedClean = new Set(["redacted", "erased", "anonymised"]);

/** One item of the approved plan, as verification needs it. */
export interface PlannedRecord {
  ref: RecordRef;
  action: string | null;
  /** Another person's record that only mentions the subject (plan/record-relation.ts). */
  mention: boolean;
}

/** A verify receipt's outcome and detail for one answer of `readBack`. */
type Verdict = { outcome: "verified" | "still-present" | "lost"; detail: string };

/** How one planned record is read back: with the subject's identifiers or not, and judged how. */
interface ReadBackCheck {
  item: PlannedRecord;
  withIdentifiers: boolean;
  verdict(presence: RecordPresence): Verdict;
}

/**
 * Reads back by id, through the connector's `readBack`, every record the approved plan acted on
 * and whose settled receipt makes a claim that can be checked (docs/rights-engine.md, "Outcome of
 * a request"); `readBackCheck` says which and how. Every outcome but `verified` makes the request
 * `partially_completed` (request-outcome.ts). Records already receipted in `verify` (found again
 * by a search, or read back before a crash) are not read twice. Returns how many were read back.
 * A connector without `readBack` is proven by the search alone.
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
  const presence = new Map<string, ReadBackCheck>();
  const withIdentifiers = new Map<string, ReadBackCheck>();
  for (const item of plan) {
    const refKey = recordKey(item.ref);
    const outcome = settled.get(refKey);
    if (outcome === undefined || receipted.has(refKey)) continue;
    const check = readBackCheck(item, outcome);
    if (check) (check.withIdentifiers ? withIdentifiers : presence).set(refKey, check);
  }

  await readBatch(deps, payload, session, presence, undefined, signal);
  await readBatch(deps, payload, session, withIdentifiers, { identifiers: session.identifiers }, signal);
  return presence.size + withIdentifiers.size;
}

/**
 * What reading a record back proves, by the plan's action and the settled receipt's outcome:
 *
 * - erased or anonymised by the plan, reported gone (`erased`, `already-absent`, after an
 *   asynchronous job reported done): still held → `still-present` naming what was found; no
 *   longer held → `verified`;
 * - erased or anonymised by the plan, reported `anonymised` (kept, its personal data blanked):
 *   read with the subject's identifiers — still holding one → `still-present`; kept without them,
 *   or gone → `verified`;
 * - redacted by the plan, reported `redacted` (or, for another person's record that only mentions
 *   the subject, any outcome claiming the subject is out of it): read with the subject's
 *   identifiers — kept and no longer mentioning them → `verified`; still mentioning them →
 *   `still-present`; gone → `lost`, because the plan kept the record (another person's, or one a
 *   hold keeps) and the vendor no longer has it — not what was approved.
 *
 * Outcomes that keep the record on purpose (`retained`, `pending`, a `redacted` erase) prove
 * nothing by a read and are not read back (undefined).
 */
export function readBackCheck(item: PlannedRecord, outcome: string): ReadBackCheck | undefined {
  if (item.action === "erase" || item.action === "anonymise") {
    if (claimedGone.has(outcome)) return { item, withIdentifiers: false, verdict: (presence) => erasedVerdict(presence, outcome) };
    if (outcome === "anonymised") return { item, withIdentifiers: true, verdict: (presence) => anonymisedVerdict(presence) };
    return undefined;
  }
  if (item.action === "redact" && (outcome === "redacted" || (item.mention && claimedClean.has(outcome)))) {
    return { item, withIdentifiers: true, verdict: (presence) => redactedVerdict(presence, item, outcome) };
  }
  return undefined;
}

/** One `readBack` call over a batch, a receipt stored per answer; exactly one answer per ref asked. */
async function readBatch(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  session: ConnectorSession,
  asked: ReadonlyMap<string, ReadBackCheck>,
  query: ReadBackQuery | undefined,
  signal: AbortSignal,
): Promise<void> {
  const { connector } = session;
  if (asked.size === 0 || !connector.readBack) return;
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const refs = [...asked.values()].map((check) => check.item.ref);
  const outstanding = new Set(asked.keys());
  const answers = query ? connector.readBack(session.ctx, refs, query) : connector.readBack(session.ctx, refs);
  for await (const presence of answers) {
    signal.throwIfAborted();
    const refKey = recordKey(presence.ref);
    const check = asked.get(refKey);
    if (!check || !outstanding.has(refKey)) {
      throw new ConnectorProtocolError(`readBack answered for ${refKey}, which it was not asked about (or twice)`);
    }
    outstanding.delete(refKey);
    await insertReceipt(deps.database.db, {
      ...payload,
      ...version,
      recordType: presence.ref.type,
      recordId: presence.ref.id,
      phase: "verify",
      ...check.verdict(presence),
    });
  }
  if (outstanding.size > 0) {
    throw new ConnectorProtocolError(`readBack gave no answer for ${outstanding.size} of the records it was asked about`);
  }
}

function erasedVerdict(presence: RecordPresence, outcome = "erased"): Verdict {
  return presence.present
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "${outcome}": ${presence.detail ?? "the vendor still holds it"}` }
    : { outcome: "verified", detail: "read back by id: the vendor no longer holds it" };
}

function anonymisedVerdict(presence: RecordPresence): Verdict {
  if (!presence.present) return { outcome: "verified", detail: "read back by id: the vendor no longer holds it" };
  if (presence.mentionsSubject === undefined) {
    throw new ConnectorProtocolError(`readBack did not say whether ${recordKey(presence.ref)} still holds the subject's identifiers (mentionsSubject)`);
  }
  return presence.mentionsSubject
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "anonymised": it still holds the subject's identifiers${presence.detail ? ` (${presence.detail})` : ""}` }
    : { outcome: "verified", detail: "read back by id: kept, anonymised, the subject's identifiers removed" };
}

function redactedVerdict(presence: RecordPresence, item: PlannedRecord, outcome: string): Verdict {
  const whose = item.mention ? "another person's record the plan only redacted" : "a record the plan kept and only redacted";
  if (!presence.present) {
    return { outcome: "lost", detail: `read back by id: ${whose} is gone from the vendor${presence.detail ? ` (${presence.detail})` : ""}` };
  }
  if (presence.mentionsSubject === undefined) {
    // Asked with the subject's identifiers, the connector must say whether they are still there:
    // without that answer nothing proves the redaction.
    throw new ConnectorProtocolError(`readBack did not say whether ${recordKey(presence.ref)} still mentions the subject (mentionsSubject)`);
  }
  const still = item.mention ? "another person's record still mentions the subject" : "a record the plan kept and only redacted still holds the subject's identifiers";
  return presence.mentionsSubject
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "${outcome}": ${still}${presence.detail ? ` (${presence.detail})` : ""}` }
    : { outcome: "verified", detail: "read back by id: kept, the subject's identifiers removed" };
}
