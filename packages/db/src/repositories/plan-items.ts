import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { connectorInstances, legalHolds, locatedRecords, planItems, requests } from "../schema";
import type { Executor } from "./executor";

export type PlanItemRow = typeof planItems.$inferSelect;
export type LocatedRecordRowForPlan = typeof locatedRecords.$inferSelect;

export interface NewPlanItem {
  locatedRecordId: string;
  requestId: string;
  action: string;
  reason: string;
  holdId: string | null;
  retainUntil: Date | null;
  fieldUpdates: unknown;
  /** none | pending | include | exclude — the builder carries an existing decision over. */
  review: string;
}

/**
 * Writes the plan's proposal for each record. A review decision (who, when) is never touched
 * here: the builder passes the decision it read back as `review`, and `reviewed_by/at` stay.
 */
export async function upsertPlanItems(tx: Executor, items: readonly NewPlanItem[]): Promise<void> {
  if (items.length === 0) return;
  const now = new Date();
  // One statement for the whole plan; each located record has one item, so no row repeats.
  await tx
    .insert(planItems)
    .values(items.map((item) => ({ ...item, updatedAt: now })))
    .onConflictDoUpdate({
      target: planItems.locatedRecordId,
      set: {
        action: sql`excluded.action`,
        reason: sql`excluded.reason`,
        holdId: sql`excluded.hold_id`,
        retainUntil: sql`excluded.retain_until`,
        fieldUpdates: sql`excluded.field_updates`,
        review: sql`case when ${planItems.review} in ('include', 'exclude') then ${planItems.review} else excluded.review end`,
        updatedAt: now,
      },
    });
}

export interface PlanItemView {
  item: PlanItemRow;
  record: LocatedRecordRowForPlan;
  instanceName: string;
  connectorId: string;
  /** The hold that makes the item `retain`/`redact`, as the receipt and the reviewer name it. */
  hold: { id: string; title: string; basis: string } | null;
}

/** The request's plan items with their located records, in a stable order. */
export async function listPlanItems(
  tx: Executor,
  filter: { requestId: string; instanceId?: string; approvedActions?: readonly string[] },
): Promise<PlanItemView[]> {
  const conditions = [eq(planItems.requestId, filter.requestId)];
  if (filter.instanceId) conditions.push(eq(locatedRecords.instanceId, filter.instanceId));
  if (filter.approvedActions) {
    conditions.push(inArray(planItems.approvedAction, [...filter.approvedActions]));
    conditions.push(isNotNull(planItems.approvedAction));
  }
  const rows = await tx
    .select({
      item: planItems,
      record: locatedRecords,
      instanceName: connectorInstances.name,
      connectorId: connectorInstances.connectorId,
      holdId: legalHolds.id,
      holdTitle: legalHolds.title,
      holdBasis: legalHolds.basis,
    })
    .from(planItems)
    .innerJoin(locatedRecords, eq(locatedRecords.id, planItems.locatedRecordId))
    .innerJoin(connectorInstances, eq(connectorInstances.id, locatedRecords.instanceId))
    .leftJoin(legalHolds, eq(legalHolds.id, planItems.holdId))
    .where(and(...conditions))
    .orderBy(asc(connectorInstances.name), asc(locatedRecords.recordType), asc(locatedRecords.recordId));
  return rows.map(({ holdId, holdTitle, holdBasis, ...row }) => ({
    ...row,
    hold: holdId && holdTitle !== null && holdBasis !== null ? { id: holdId, title: holdTitle, basis: holdBasis } : null,
  }));
}

/**
 * Records include/exclude decisions on items still pending review. Returns the ids it changed;
 * an id that is not pending (strong, already decided, another request's) is left alone.
 */
export async function recordReviewDecisions(
  tx: Executor,
  input: { requestId: string; decisions: ReadonlyArray<{ id: string; decision: "include" | "exclude" }>; by: string },
): Promise<string[]> {
  const changed: string[] = [];
  const now = new Date();
  for (const { id, decision } of input.decisions) {
    const rows = await tx
      .update(planItems)
      .set({
        review: decision,
        reviewedBy: input.by,
        reviewedAt: now,
        ...(decision === "exclude" ? { action: "skip", reason: "excluded in review" } : {}),
        updatedAt: now,
      })
      .where(and(eq(planItems.requestId, input.requestId), eq(planItems.locatedRecordId, id), eq(planItems.review, "pending")))
      .returning({ id: planItems.locatedRecordId });
    changed.push(...rows.map((row) => row.id));
  }
  return changed;
}

/** Approves every decided item (not pending review): `approved_action := action`. Returns how many changed. */
export async function approvePlanItems(tx: Executor, requestId: string): Promise<number> {
  const rows = await tx
    .update(planItems)
    .set({ approvedAction: sql`${planItems.action}`, approvedAt: new Date() })
    .where(
      and(
        eq(planItems.requestId, requestId),
        sql`${planItems.review} <> 'pending'`,
        sql`${planItems.approvedAction} is distinct from ${planItems.action}`,
      ),
    )
    .returning({ id: planItems.locatedRecordId });
  return rows.length;
}

export async function countPendingReview(tx: Executor, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(planItems)
    .where(and(eq(planItems.requestId, requestId), eq(planItems.review, "pending")));
  return row?.count ?? 0;
}

/** none | draft | approved, with who approved (null for the engine's automatic approval). */
export async function setRequestPlanStatus(
  tx: Executor,
  requestId: string,
  status: "none" | "draft" | "approved",
  approvedBy: string | null = null,
): Promise<void> {
  await tx
    .update(requests)
    .set({
      planStatus: status,
      planApprovedBy: status === "approved" ? approvedBy : null,
      planApprovedAt: status === "approved" ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(eq(requests.id, requestId));
}

/** Starts locate round `round` (0 restarts the fixpoint for a re-locate). */
export async function setRequestLocateRound(tx: Executor, requestId: string, round: number): Promise<void> {
  await tx.update(requests).set({ locateRound: round, updatedAt: new Date() }).where(eq(requests.id, requestId));
}
