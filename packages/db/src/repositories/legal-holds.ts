import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { legalHolds, locatedRecords, planItems, requests } from "../schema";
import type { Executor } from "./executor";

export type LegalHoldRow = typeof legalHolds.$inferSelect;
export type LegalHoldScope = "person" | "record" | "case" | "rule";

/** A hold with how many records it keeps now and how many it let go when it ended. */
export interface LegalHoldWithCounts extends LegalHoldRow {
  retainedRecords: number;
  releasedRecords: number;
}

export interface NewLegalHold {
  scope: LegalHoldScope;
  title: string;
  basis: string;
  owner: string;
  /** Person holds: `{ identifierHashes }` only — never a plaintext identifier. */
  selector: unknown;
  redactNonEssential: boolean;
  reviewAt: Date | null;
  expiresAt: Date | null;
  createdBy: string;
}

export async function insertLegalHold(tx: Executor, hold: NewLegalHold): Promise<LegalHoldRow> {
  const [row] = await tx.insert(legalHolds).values(hold).returning();
  if (!row) throw new Error("inserting a legal hold returned no row");
  return row;
}

/**
 * Records now kept under the hold: its plan items still `retain` (or `redact`, kept redacted).
 * Released: its plan items with a `release` receipt — the erasures that ran because it ended.
 * Written out with aliases: drizzle drops the table of a column used inside a selected
 * expression, and these subqueries join tables that share column names.
 */
const retainedCount = sql<number>`(
  select count(*)::int from plan_items pi
  where pi.hold_id = "legal_holds"."id" and pi.action in ('retain', 'redact')
)`;
const releasedCount = sql<number>`(
  select count(*)::int from plan_items pi
  join located_records lr on lr.id = pi.located_record_id
  join receipts r on r.request_id = lr.request_id and r.instance_id = lr.instance_id
    and r.record_type = lr.record_type and r.record_id = lr.record_id and r.phase = 'release'
  where pi.hold_id = "legal_holds"."id"
)`;

async function selectWithCounts(tx: Executor, where: SQL | undefined): Promise<LegalHoldWithCounts[]> {
  const rows = await tx
    .select({ hold: legalHolds, retainedRecords: retainedCount, releasedRecords: releasedCount })
    .from(legalHolds)
    .where(where)
    .orderBy(desc(legalHolds.createdAt), asc(legalHolds.id));
  return rows.map((row) => ({ ...row.hold, retainedRecords: row.retainedRecords, releasedRecords: row.releasedRecords }));
}

/** Every hold, newest first, with its counts. */
export function listLegalHolds(tx: Executor): Promise<LegalHoldWithCounts[]> {
  return selectWithCounts(tx, undefined);
}

export async function getLegalHold(tx: Executor, id: string): Promise<LegalHoldWithCounts | undefined> {
  const [row] = await selectWithCounts(tx, eq(legalHolds.id, id));
  return row;
}

/**
 * Holds in force at `now`: not ended and not expired. What the plan builder matches records
 * against; ordered by id so that callers that pick among equals pick the same one every time.
 */
export function listActiveLegalHolds(tx: Executor, now: Date): Promise<LegalHoldRow[]> {
  return tx
    .select()
    .from(legalHolds)
    .where(and(isNull(legalHolds.endedAt), or(isNull(legalHolds.expiresAt), gt(legalHolds.expiresAt, now))))
    .orderBy(asc(legalHolds.id));
}

/** The hold was already ended (by a person, or by its expiry passing). */
export class LegalHoldEndedError extends Error {
  readonly code = "hold_ended";
  constructor(readonly holdId: string) {
    super(`legal hold ${holdId} has already ended`);
    this.name = "LegalHoldEndedError";
  }
}

/**
 * Ends a hold now, with who and why. Returns undefined for an unknown id; a hold already ended
 * (or expired) is a `LegalHoldEndedError`, so the first reason given stays on record.
 * Run in the caller's transaction with the audit entry and the release job.
 */
export async function endLegalHold(
  tx: Executor,
  input: { id: string; endedBy: string; reason: string; at: Date },
): Promise<LegalHoldRow | undefined> {
  const [current] = await tx.select().from(legalHolds).where(eq(legalHolds.id, input.id)).for("update");
  if (!current) return undefined;
  if (current.endedAt !== null || (current.expiresAt !== null && current.expiresAt <= input.at)) {
    throw new LegalHoldEndedError(input.id);
  }
  const [row] = await tx
    .update(legalHolds)
    .set({ endedAt: input.at, endedBy: input.endedBy, endReason: input.reason })
    .where(eq(legalHolds.id, input.id))
    .returning();
  return row;
}

/** What a hold makes of a record: kept as it is, or kept with its non-essential data redacted. */
const heldActions = ["retain", "redact"];

/** One retained record whose retention is over, with what the release needs to erase it. */
export interface ReleasableItem {
  locatedRecordId: string;
  requestId: string;
  instanceId: string;
  recordType: string;
  recordId: string;
  holdId: string;
  holdTitle: string;
  holdBasis: string;
  /** Why the retention ended: the hold was ended by a person, it expired, or the rule's term ran out. */
  cause: "ended" | "expired" | "retention-over";
}

/**
 * Retained (or kept-redacted) plan items whose hold no longer keeps them at `now` — the hold ended or expired, or
 * the item's own `retain_until` (rule holds) passed — and whose request is closed: an open
 * request's plan is still the engine's to rebuild. Ordered by request, instance and record.
 */
export async function listReleasableItems(tx: Executor, now: Date): Promise<ReleasableItem[]> {
  const rows = await tx
    .select({
      locatedRecordId: planItems.locatedRecordId,
      requestId: planItems.requestId,
      instanceId: locatedRecords.instanceId,
      recordType: locatedRecords.recordType,
      recordId: locatedRecords.recordId,
      holdId: legalHolds.id,
      holdTitle: legalHolds.title,
      holdBasis: legalHolds.basis,
      endedAt: legalHolds.endedAt,
      expiresAt: legalHolds.expiresAt,
    })
    .from(planItems)
    .innerJoin(locatedRecords, eq(locatedRecords.id, planItems.locatedRecordId))
    .innerJoin(legalHolds, eq(legalHolds.id, planItems.holdId))
    .innerJoin(requests, eq(requests.id, planItems.requestId))
    .where(
      and(
        inArray(planItems.action, heldActions),
        inArray(requests.status, ["completed", "partially_completed"]),
        or(isNotNull(legalHolds.endedAt), lte(legalHolds.expiresAt, now), lte(planItems.retainUntil, now)),
      ),
    )
    .orderBy(asc(planItems.requestId), asc(locatedRecords.instanceId), asc(locatedRecords.recordType), asc(locatedRecords.recordId));
  return rows.map(({ endedAt, expiresAt, ...row }) => ({
    ...row,
    cause: endedAt !== null ? "ended" : expiresAt !== null && expiresAt <= now ? "expired" : "retention-over",
  }));
}

/**
 * After a release erased the record: the item's action becomes `erase` with the reason; the hold
 * id stays as provenance (the hold it was kept under). Only a `retain`/`redact` item changes, so a second
 * release of the same item changes nothing. Returns whether this call changed it.
 */
export async function markPlanItemReleased(tx: Executor, locatedRecordId: string, reason: string): Promise<boolean> {
  const rows = await tx
    .update(planItems)
    .set({ action: "erase", reason, retainUntil: null, updatedAt: new Date() })
    .where(and(eq(planItems.locatedRecordId, locatedRecordId), inArray(planItems.action, heldActions)))
    .returning({ id: planItems.locatedRecordId });
  return rows.length > 0;
}
