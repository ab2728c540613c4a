import type { MutedRange, RecordingOutcome } from "@lethe/contracts";
import { getRequest, listConnectorInstances, listLocatedRecords, listReceipts, playableRecordKeys, playableRecordType, recordKey, type ReceiptRow } from "@lethe/runtime";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";

/** The erase-side phases, latest last: a confirm receipt settles what an erase receipt left pending. */
const phaseOrder: Record<string, number> = { erase: 1, confirm: 2 };

/**
 * What became of each recording located for a request (`GET /requests/:id/recordings`), from its
 * receipts: deleted (`erased`, `already-absent`), retained with the hold the receipt names,
 * redacted with the ranges the receipt's detail lists (`ch1 5200-8900 ms`), pending, or not acted
 * on yet; `audioAvailable` when its media is still held and the plan includes it for the subject.
 * 404 when there is no such request.
 */
export async function loadRecordingOutcomes(context: ApiContext, requestId: string): Promise<RecordingOutcome[]> {
  const db = context.db.db;
  if (!(await getRequest(db, requestId))) throw new ApiError(404, "not_found", `no request with id ${requestId}`);
  const instances = await listConnectorInstances(db);
  // Which record type holds a playable recording is each connector's declaration, not a name we assume.
  const playableType = new Map(instances.map((instance) => [instance.id, playableRecordType(context.registry.get(instance.connectorId))]));
  const located = (await listLocatedRecords(db, { requestId })).filter((row) => row.recordType === playableType.get(row.instanceId));
  if (located.length === 0) return [];
  const names = new Map(instances.map((instance) => [instance.id, instance.name]));
  const receipts = await listReceipts(db, { requestId });
  const playable = await playableRecordKeys(db, requestId);
  return located.map((row) => {
    const latest = receipts
      .filter((r) => r.instanceId === row.instanceId && r.recordType === row.recordType && r.recordId === row.recordId && phaseOrder[r.phase] !== undefined)
      .sort((a, b) => (phaseOrder[a.phase] ?? 0) - (phaseOrder[b.phase] ?? 0))
      .at(-1);
    const outcome = outcomeOf(latest);
    return {
      instanceId: row.instanceId,
      instanceName: names.get(row.instanceId) ?? row.instanceId,
      recordingId: row.recordId,
      outcome,
      hold: outcome === "retained" ? holdOf(latest) : null,
      mutedRanges: outcome === "redacted" ? mutedRangesIn(latest?.detail ?? "") : [],
      detail: latest?.detail ?? null,
      // Only what the plan includes is played (not a call excluded in review or still waiting for it).
      audioAvailable: outcome !== "deleted" && outcome !== "pending" && playable.has(recordKey(row)),
      at: latest ? latest.at.toISOString() : null,
    };
  });
}

function outcomeOf(receipt: ReceiptRow | undefined): RecordingOutcome["outcome"] {
  switch (receipt?.outcome) {
    case undefined:
      return "located";
    case "erased":
    case "already-absent":
      return "deleted";
    case "retained":
    case "redacted":
    case "pending":
      return receipt.outcome;
    default:
      return "failed";
  }
}

function holdOf(receipt: ReceiptRow | undefined): RecordingOutcome["hold"] {
  const hold = receipt?.hold as { id?: unknown; basis?: unknown } | null | undefined;
  if (!hold || typeof hold !== "object") return { id: null, basis: null };
  return { id: typeof hold.id === "string" ? hold.id : null, basis: typeof hold.basis === "string" ? hold.basis : null };
}

/** `ch1 5200-8900 ms`, as the recorder connector's redaction receipts list muted ranges. */
export function mutedRangesIn(detail: string): MutedRange[] {
  return [...detail.matchAll(/\bch(\d+) (\d+)-(\d+) ms\b/g)].map((match) => ({
    channel: Number(match[1]),
    startMs: Number(match[2]),
    endMs: Number(match[3]),
  }));
}
