import { anonymisedVerdict, erasedVerdict, readBackSelection, redactedVerdict, type ReadBackVerdict } from "@lethe/core";
import { recordKey, type RecordPresence, type RecordRef, type ReadBackQuery, declaredOperations } from "@lethe/connector-sdk";
import { insertReceipts, listReceipts, type NewReceipt } from "@lethe/db";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import type { InstancePayload } from "./jobs";

/** One item of the approved plan, as verification needs it. */
export interface PlannedRecord {
  ref: RecordRef;
  action: string | null;
  /** Another person's record that only mentions the subject (@lethe/core: plan/record-relation.ts). */
  mention: boolean;
}

/**
 * Reads back by id, through the connector's `readBack`, every record the approved plan acted on
 * and whose settled receipt makes a claim that can be checked, and stores a verify receipt per
 * answer. Which records, and what each answer proves, core decides
 * (verification/erasure-proof.ts: `readBackSelection` and the verdicts); anonymised and redacted
 * records are read with the subject's identifiers so the connector can say whether they still
 * hold them — one `readBack` call for those, one for the records claimed gone. Every outcome but `verified` makes the request `partially_completed`.
 * Returns how many were read back. A connector without `readBack` is proven by the search alone,
 * as before it existed.
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
  if (!declaredOperations(connector).readBack) return 0;
  const { db } = deps.database;
  const receipted = new Set(
    (await listReceipts(db, { ...payload, phase: "verify" })).map((row) => recordKey({ type: row.recordType, id: row.recordId })),
  );
  const selected = readBackSelection(
    plan.map((item) => ({ ...item, key: recordKey(item.ref) })),
    settled,
    receipted,
  );
  const erased = new Map(selected.erased.map((item) => [item.key, item]));
  // Read with the identifiers: anonymised (kept, blanked) and redacted records, in one call.
  const anonymised = new Set(selected.anonymised.map((item) => item.key));
  const withIdentifiers = new Map([...selected.anonymised, ...selected.redacted].map((item) => [item.key, item]));

  await readBatch(deps, payload, session, erased, undefined, signal, (presence) => erasedVerdict(presence, settled.get(recordKey(presence.ref))));
  await readBatch(deps, payload, session, withIdentifiers, { identifiers: session.identifiers }, signal, (presence, item) => {
    const refKey = recordKey(presence.ref);
    const verdict = anonymised.has(refKey) ? anonymisedVerdict(presence) : redactedVerdict(presence, item.mention, settled.get(refKey));
    // Asked with the subject's identifiers, the connector must say whether they are still there:
    // without that answer nothing proves the redaction or anonymisation.
    if (verdict === null) {
      throw new ConnectorProtocolError(`readBack did not say whether ${refKey} still holds the subject's identifiers (mentionsSubject)`);
    }
    return verdict;
  });
  return erased.size + withIdentifiers.size;
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
  verdictOf: (presence: RecordPresence, item: PlannedRecord) => ReadBackVerdict,
): Promise<void> {
  const { connector } = session;
  const readBack = declaredOperations(connector).readBack;
  if (asked.size === 0 || !readBack) return;
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  const refs = [...asked.values()].map((item) => item.ref);
  const outstanding = new Set(asked.keys());
  const answers = query ? readBack(session.ctx, refs, query) : readBack(session.ctx, refs);
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
