import { connectorAbilities, mentionOf, planAction, selectHold, vendorHoldOf } from "@lethe/core";
import type { FieldUpdate, IdentifierMatch } from "@lethe/connector-sdk";
import {
  listActiveLegalHolds,
  listConnectorInstances,
  listLocatedRecords,
  listPlanItems,
  upsertPlanItems,
  type Executor,
  type NewPlanItem,
  type RequestRow,
} from "@lethe/db";
import { subjectIdentifierHashes } from "../subject-hashes";
import type { RuntimeDependencies } from "../runtime-dependencies";

/** The plan as built: what core's `nextStep` settles it on, and counts for the audit trail. */
export interface BuiltPlan {
  /** Items per action. */
  counts: Record<string, number>;
  /** Weak matches waiting for a person's decision. */
  pendingReview: number;
  /** Whether any item had been approved before (a re-locate: the plan waits for approval again). */
  relocated: boolean;
}

/**
 * (Re)builds the plan: one item per located record, from the request type, the connector's
 * capabilities, legal holds and the review decisions already taken (never overwritten). Each item
 * is decided by core's `planAction` (and `selectHold` for an erasure, over the active holds loaded
 * once for the whole plan). The items it read before and wrote say what is pending and whether
 * the plan was approved before, so nothing is read again to settle it.
 */
export async function buildPlan(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
  now = new Date(),
): Promise<BuiltPlan> {
  const records = await listLocatedRecords(tx, { requestId: request.id });
  const previous = await listPlanItems(tx, { requestId: request.id });
  const decisions = new Map(previous.map((view) => [view.item.locatedRecordId, view.item.review]));
  const connectorOf = new Map((await listConnectorInstances(tx)).map((instance) => [instance.id, instance.connectorId]));
  const erasure = request.type === "erasure";
  const personHashes = new Set(erasure ? await subjectIdentifierHashes(tx, deps, request.id) : []);
  const holds = erasure ? await listActiveLegalHolds(tx, now) : [];
  const changes = rectificationChanges(request.parameters);

  const items: NewPlanItem[] = [];
  const counts: Record<string, number> = {};
  for (const record of records) {
    const connectorId = connectorOf.get(record.instanceId) ?? "unknown";
    const hold = erasure
      ? selectHold(
          holds,
          { instanceId: record.instanceId, connectorId, recordType: record.recordType, recordId: record.recordId, facts: record.facts ?? {} },
          personHashes,
          now,
        )
      : null;
    const connector = deps.registry.get(connectorId);
    const planned = planAction({
      requestType: request.type,
      connector: connector && connectorAbilities(connector),
      connectorId,
      recordType: record.recordType,
      strength: record.strength === "strong" ? "strong" : "weak",
      review: decisions.get(record.id) ?? "none",
      hold,
      vendorHold: vendorHoldOf(record.facts),
      changes,
      matchReasons: matchReasons(record.matchedBy),
      mention: mentionOf(record.facts),
    });
    counts[planned.action] = (counts[planned.action] ?? 0) + 1;
    items.push({
      locatedRecordId: record.id,
      requestId: request.id,
      action: planned.action,
      reason: planned.reason,
      holdId: planned.holdId,
      retainUntil: planned.retainUntil,
      fieldUpdates: planned.fieldUpdates,
      review: planned.review,
    });
  }
  await upsertPlanItems(tx, items);
  return {
    counts,
    pendingReview: items.filter((item) => item.review === "pending").length,
    relocated: previous.some((view) => view.item.approvedAt !== null),
  };
}


export function matchReasons(matchedBy: unknown): string[] {
  if (!Array.isArray(matchedBy)) return [];
  const reasons = (matchedBy as IdentifierMatch[]).map((match) => match.reason).filter((reason): reason is string => Boolean(reason));
  return [...new Set(reasons)];
}

function rectificationChanges(parameters: unknown): FieldUpdate[] {
  if (parameters === null || typeof parameters !== "object") return [];
  const changes: unknown = (parameters as { changes?: unknown }).changes;
  if (!Array.isArray(changes)) return [];
  return (changes as unknown[]).filter(isFieldUpdate);
}

function isFieldUpdate(change: unknown): change is FieldUpdate {
  return (
    change !== null &&
    typeof change === "object" &&
    "field" in change &&
    typeof change.field === "string" &&
    "value" in change &&
    typeof change.value === "string"
  );
}
