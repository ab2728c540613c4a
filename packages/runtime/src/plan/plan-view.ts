import type { IdentifierMatch } from "@lethe/connector-sdk";
import { identifierKey } from "@lethe/connector-sdk";
import { getRequest, listLocatedRecords, listPlanItems, listSubjectIdentifiers, listConnectorInstances, type Database } from "@lethe/db";
import { matchReasons } from "./build-plan";
import { asIdentifier, vendorHoldOf, type PlannedAction } from "@lethe/core";

/** The shape of @lethe/contracts' `requestPlanSchema` (the API parses it on the way out). */
export interface RequestPlan {
  status: "none" | "draft" | "approved";
  approvedBy: string | null;
  approvedAt: string | null;
  pendingReview: number;
  counts: Record<string, number>;
  items: Array<{
    id: string;
    instanceId: string;
    instanceName: string;
    connectorId: string;
    type: string;
    recordId: string;
    label: string | null;
    strength: "strong" | "weak";
    matchReasons: string[];
    round: number;
    action: PlannedAction["action"];
    reason: string;
    hold: { id: string; title: string; basis: string } | null;
    /** The vendor's own hold, reported when the record was located (the plan then says `retain`). */
    vendorHold: { basis: string; id?: string } | null;
    retainUntil: string | null;
    review: PlannedAction["review"];
    reviewedBy: string | null;
    approvedAction: PlannedAction["action"] | null;
    changedSinceApproval: boolean;
    /** For `rectify`: the corrections proposed for this record (the subject's data). */
    fieldUpdates?: Array<{ field: string; value: string }> | null;
  }>;
}

/** The shape of @lethe/contracts' `provenanceGraphSchema`. */
export interface ProvenanceGraph {
  rounds: number;
  depth: number;
  nodes: Array<
    | { kind: "identifier"; id: string; identifierKind: string; value: string; provenance: string; strength: string; round: number }
    | {
        kind: "record";
        id: string;
        instanceId: string;
        instanceName: string;
        type: string;
        recordId: string;
        label: string | null;
        strength: string;
        round: number;
      }
  >;
  edges: Array<{ from: string; to: string; kind: "found" | "revealed"; strength?: string; field?: string }>;
}

/** The plan as the API shows it; null when the request does not exist. */
export async function getRequestPlan(database: Database, requestId: string): Promise<RequestPlan | null> {
  const request = await getRequest(database.db, requestId);
  if (!request) return null;
  const views = await listPlanItems(database.db, { requestId });
  const approvals = views.map((view) => view.item.approvedAt?.getTime() ?? 0);
  const lastApproval = approvals.length > 0 ? Math.max(...approvals) : 0;
  const counts: Record<string, number> = {};
  let pendingReview = 0;
  const items = views.map(({ item, record, instanceName, connectorId, hold }) => {
    counts[item.action] = (counts[item.action] ?? 0) + 1;
    if (item.review === "pending") pendingReview += 1;
    const changedSinceApproval =
      item.approvedAction !== null
        ? item.approvedAction !== item.action
        : lastApproval > 0 && record.locatedAt.getTime() > lastApproval;
    return {
      id: record.id,
      instanceId: record.instanceId,
      instanceName,
      connectorId,
      type: record.recordType,
      recordId: record.recordId,
      label: record.label,
      strength: record.strength === "strong" ? ("strong" as const) : ("weak" as const),
      matchReasons: matchReasons(record.matchedBy),
      round: record.round,
      action: item.action as RequestPlan["items"][number]["action"],
      reason: item.reason,
      hold,
      vendorHold: vendorHoldOf(record.facts),
      retainUntil: item.retainUntil?.toISOString() ?? null,
      review: item.review as RequestPlan["items"][number]["review"],
      reviewedBy: item.reviewedBy,
      approvedAction: item.approvedAction as RequestPlan["items"][number]["approvedAction"],
      changedSinceApproval,
      ...(Array.isArray(item.fieldUpdates) ? { fieldUpdates: item.fieldUpdates as Array<{ field: string; value: string }> } : {}),
    };
  });
  return {
    status: request.planStatus === "approved" || request.planStatus === "draft" ? request.planStatus : "none",
    approvedBy: request.planApprovedBy,
    approvedAt: request.planApprovedAt?.toISOString() ?? null,
    pendingReview,
    counts,
    items,
  };
}

/**
 * The graph the locate rounds walked: identifier → record edges from each record's matches,
 * record → identifier edges from each discovered identifier's source. Holds identifiers: it is
 * shown to staff with `requests:read`, like the request itself, and never written to the audit.
 */
export async function getProvenance(database: Database, requestId: string): Promise<ProvenanceGraph | null> {
  const request = await getRequest(database.db, requestId);
  if (!request) return null;
  const identifiers = await listSubjectIdentifiers(database.db, requestId);
  const records = await listLocatedRecords(database.db, { requestId });
  const names = new Map((await listConnectorInstances(database.db)).map((instance) => [instance.id, instance.name]));
  const idOf = new Map(identifiers.map((row) => [identifierKey(asIdentifier(row)), row.id]));
  const nodes: ProvenanceGraph["nodes"] = identifiers.map((row) => ({
    kind: "identifier",
    id: row.id,
    identifierKind: row.kind,
    value: row.value,
    provenance: row.provenance,
    strength: row.strength,
    round: row.round,
  }));
  const edges: ProvenanceGraph["edges"] = [];
  for (const record of records) {
    nodes.push({
      kind: "record",
      id: record.id,
      instanceId: record.instanceId,
      instanceName: names.get(record.instanceId) ?? record.instanceId,
      type: record.recordType,
      recordId: record.recordId,
      label: record.label,
      strength: record.strength,
      round: record.round,
    });
    const matches = Array.isArray(record.matchedBy) ? (record.matchedBy as IdentifierMatch[]) : [];
    const seen = new Set<string>();
    for (const match of matches) {
      const from = idOf.get(identifierKey(match.identifier));
      if (!from || seen.has(from)) continue;
      seen.add(from);
      edges.push({ from, to: record.id, kind: "found", strength: match.strength, ...(match.field ? { field: match.field } : {}) });
    }
  }
  for (const row of identifiers) {
    const source = row.source as { locatedRecordId?: string } | null;
    if (source?.locatedRecordId) edges.push({ from: source.locatedRecordId, to: row.id, kind: "revealed" });
  }
  return { rounds: request.locateRound, depth: request.locateDepth, nodes, edges };
}
