import {
  recordKey,
  type ConnectorContext,
  type ErasePlan,
  type ErasureReceipt,
  type ExportItem,
  type FieldUpdate,
  type LocatedRecord,
  type LocateQuery,
  type ReadBackQuery,
  type RecordPresence,
  type RecordRef,
} from "@lethe/connector-sdk";
import type { ConformanceHarness } from "./conformance-harness";

/* The connector's operations run to completion, the way the runtime drives them. */

export async function locateRecords(
  h: ConformanceHarness,
  query: LocateQuery,
  ctx: ConnectorContext = h.context(),
): Promise<LocatedRecord[]> {
  const located: LocatedRecord[] = [];
  for await (const record of h.connector.locate(ctx, query)) located.push(record);
  return located;
}

export type ExportedItem =
  | Extract<ExportItem, { kind: "record" }>
  | (Extract<ExportItem, { kind: "binary" }> & { streamedBytes: number; streamedText: string });

/** Exports refs, streaming every binary to its end before asking for the next item (the contract). */
export async function exportRefs(
  h: ConformanceHarness,
  refs: RecordRef[],
  ctx: ConnectorContext = h.context(),
): Promise<ExportedItem[]> {
  const exportOperation = h.connector.export?.bind(h.connector);
  if (!exportOperation) throw new Error(`${h.connector.id} implements no export`);
  const items: ExportedItem[] = [];
  for await (const item of exportOperation(ctx, refs)) {
    if (item.kind === "record") {
      items.push(item);
      continue;
    }
    let streamedBytes = 0;
    const decoder = new TextDecoder("latin1");
    let streamedText = "";
    for await (const chunk of item.content()) {
      streamedBytes += chunk.byteLength;
      streamedText += decoder.decode(chunk, { stream: true });
    }
    items.push({ ...item, streamedBytes, streamedText: streamedText + decoder.decode() });
  }
  return items;
}

export function erasePlanFor(h: ConformanceHarness): ErasePlan {
  const erase = h.connector.capabilities.erase;
  return { action: erase && erase.mode === "anonymise" ? "anonymise" : "erase" };
}

/**
 * Erases refs. Receipts left `pending` (an asynchronous vendor job) are confirmed once after
 * moving the sandbox clock a day ahead, since the oracle can only judge a finished job.
 */
export async function eraseRefs(
  h: ConformanceHarness,
  refs: RecordRef[],
  ctx: ConnectorContext = h.context(),
  plan: ErasePlan = erasePlanFor(h),
): Promise<ErasureReceipt[]> {
  const erase = h.connector.erase?.bind(h.connector);
  const confirm = h.connector.confirm?.bind(h.connector);
  if (!erase) throw new Error(`${h.connector.id} implements no erase`);
  const receipts: ErasureReceipt[] = [];
  for await (const receipt of erase(ctx, refs, plan)) receipts.push(receipt);
  const pending = receipts.filter((receipt) => receipt.outcome === "pending");
  if (pending.length === 0 || !confirm) return receipts;
  await h.oracle.moveClock({ advanceMs: 24 * 60 * 60 * 1000 });
  const confirmed = new Map<string, ErasureReceipt>();
  for await (const receipt of confirm(ctx, pending)) confirmed.set(recordKey(receipt.ref), receipt);
  return receipts.map((receipt) => confirmed.get(recordKey(receipt.ref)) ?? receipt);
}

/** Reads refs back by id (`readBack`), every answer kept in the order given, repeats included. */
export async function readBackRefs(
  h: ConformanceHarness,
  refs: RecordRef[],
  query?: ReadBackQuery,
  ctx: ConnectorContext = h.context(),
): Promise<RecordPresence[]> {
  const readBack = h.connector.readBack?.bind(h.connector);
  if (!readBack) throw new Error(`${h.connector.id} implements no readBack`);
  const answers: RecordPresence[] = [];
  for await (const presence of query ? readBack(ctx, refs, query) : readBack(ctx, refs)) answers.push(presence);
  return answers;
}

/** Applies field updates to one record through `rectify`, the way the rectify task does. */
export async function rectifyRef(h: ConformanceHarness, ref: RecordRef, updates: FieldUpdate[], ctx: ConnectorContext = h.context()): Promise<ErasureReceipt> {
  const rectify = h.connector.rectify?.bind(h.connector);
  if (!rectify) throw new Error(`${h.connector.id} implements no rectify`);
  return rectify(ctx, ref, updates);
}

/** Marks records restricted (or lifts it) through `restrict`, every receipt collected. */
export async function restrictRefs(h: ConformanceHarness, refs: RecordRef[], lift: boolean, ctx: ConnectorContext = h.context()): Promise<ErasureReceipt[]> {
  const restrict = h.connector.restrict?.bind(h.connector);
  if (!restrict) throw new Error(`${h.connector.id} implements no restrict`);
  const receipts: ErasureReceipt[] = [];
  for await (const receipt of restrict(ctx, refs, { lift })) receipts.push(receipt);
  return receipts;
}
