import { identifierHash } from "@lethe/core";
import type { FieldUpdate, IdentifierKind, IdentifierMatch } from "@lethe/connector-sdk";
import {
  listActiveLegalHolds,
  listConnectorInstances,
  listLocatedRecords,
  listPlanItems,
  listSubjectIdentifiers,
  upsertPlanItems,
  type Executor,
  type NewPlanItem,
  type RequestRow,
} from "@lethe/db";
import { holdFor } from "../holds/find-holds";
import { identifierHashKey } from "../identifier-hash-key";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { planAction } from "./plan-action";
import { mentionOf } from "./record-relation";
import { vendorHoldOf } from "./vendor-hold";

/**
 * (Re)builds the plan: one item per located record, from the request type, the connector's
 * capabilities, legal holds and the review decisions already taken (never overwritten). Returns
 * counts per action for the audit trail.
 */
export async function buildPlan(
  tx: Executor,
  deps: RuntimeDependencies,
  request: RequestRow,
  now = new Date(),
): Promise<Record<string, number>> {
  const records = await listLocatedRecords(tx, { requestId: request.id });
  const decisions = new Map(
    (await listPlanItems(tx, { requestId: request.id })).map((view) => [view.item.locatedRecordId, view.item.review]),
  );
  const connectorOf = new Map((await listConnectorInstances(tx)).map((instance) => [instance.id, instance.connectorId]));
  const personHashes = request.type === "erasure" ? await personHashesOf(tx, deps, request.id) : [];
  const changes = rectificationChanges(request.parameters);
  // Read once for the whole plan, not once per record.
  const holds = request.type === "erasure" ? await listActiveLegalHolds(tx, now) : [];

  const items: NewPlanItem[] = [];
  const counts: Record<string, number> = {};
  for (const record of records) {
    const connectorId = connectorOf.get(record.instanceId) ?? "unknown";
    const hold =
      request.type === "erasure"
        ? holdFor(
            holds,
            {
              instanceId: record.instanceId,
              connectorId,
              recordType: record.recordType,
              recordId: record.recordId,
              facts: record.facts ?? {},
            },
            personHashes,
            now,
          )
        : null;
    const planned = planAction({
      requestType: request.type,
      connector: deps.registry.get(connectorId),
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
  return counts;
}

/** Keyed hashes of the identifiers the requester gave or verified: what person-level holds name. */
async function personHashesOf(tx: Executor, deps: RuntimeDependencies, requestId: string): Promise<string[]> {
  const rows = await listSubjectIdentifiers(tx, requestId);
  const own = rows.filter((row) => row.provenance === "given" || row.provenance === "verified");
  if (own.length === 0) return [];
  const key = identifierHashKey(deps);
  return own.map((row) => identifierHash(key, row.kind as IdentifierKind, row.value));
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
