import {
  listRequests as listRequestRows,
  loadRequestDetailRows,
  type Database,
  type DeadlineExtensionRow,
  type IdentityVerificationRow,
  type RequestDetailRows,
  type RequestRow,
} from "@lethe/db";

export interface RequestSummary {
  id: string;
  type: string;
  regime: string;
  status: string;
  receivedAt: Date;
  dueAt: Date;
  timeZone: string;
  exportPath: string | null;
  exportSha256: string | null;
  /** Non-identifying outcome details, set when the request closes. */
  outcome: unknown;
  /** Identifiers of this request found on the suppression list (a person erased before). */
  suppressionMatches: number;
  /** When its identifiers were replaced by keyed hashes; null while it keeps them. */
  minimisedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RequestDetail {
  request: RequestSummary;
  history: Array<{ from: string | null; to: string; actor: string; reason: string | null; at: Date }>;
  identifiers: Array<{ kind: string; value: string; system: string | null; provenance: string; strength: string }>;
  /** Per connector instance and phase. */
  tasks: Array<{
    instanceId: string;
    instanceName: string;
    connectorId: string;
    connectorVersion: string;
    phase: string;
    status: string;
    attempts: number;
    progress: unknown;
    lastError: string | null;
    updatedAt: Date;
  }>;
  locatedRecords: Array<{
    instanceId: string;
    type: string;
    id: string;
    strength: string;
    label: string | null;
    matchedBy: unknown;
  }>;
  receipts: Array<{
    instanceId: string;
    connectorId: string;
    connectorVersion: string;
    type: string;
    id: string;
    phase: string;
    outcome: string;
    detail: string | null;
    at: Date;
  }>;
  /** The access/portability bundle, once written. */
  exportPath: string | null;
}

/** Everything known about one request, for `lethe request show`, the API and the console; null if unknown. */
export async function getRequestDetail(database: Database, id: string): Promise<RequestDetail | null> {
  return (await getRequestDetailView(database, id))?.detail ?? null;
}

/** The request's detail with its deadline extensions and identity verification, as the API shows it. */
export interface RequestDetailView {
  detail: RequestDetail;
  extensions: DeadlineExtensionRow[];
  verification: IdentityVerificationRow | null;
}

/** `getRequestDetail` and what the API shows beside it, read in one statement; null if unknown. */
export async function getRequestDetailView(database: Database, id: string): Promise<RequestDetailView | null> {
  if (!isUuid(id)) return null;
  const rows = await loadRequestDetailRows(database.db, id);
  if (!rows) return null;
  return { detail: toDetail(rows), extensions: rows.extensions, verification: rows.verification };
}

function toDetail({ request, history, identifiers, tasks, located, receipts }: RequestDetailRows): RequestDetail {
  return {
    request: toSummary(request),
    history: history.map((row) => ({
      from: row.fromStatus,
      to: row.toStatus,
      actor: row.actor,
      reason: row.reason,
      at: row.at,
    })),
    identifiers: identifiers.map((row) => ({
      kind: row.kind,
      value: row.value,
      system: row.system === "" ? null : row.system,
      provenance: row.provenance,
      strength: row.strength,
    })),
    tasks: tasks.map((row) => ({
      instanceId: row.instanceId,
      instanceName: row.instanceName,
      connectorId: row.connectorId,
      connectorVersion: row.connectorVersion,
      phase: row.phase,
      status: row.status,
      attempts: row.attempts,
      progress: row.progress,
      lastError: row.lastError,
      updatedAt: row.updatedAt,
    })),
    locatedRecords: located.map((row) => ({
      instanceId: row.instanceId,
      type: row.recordType,
      id: row.recordId,
      strength: row.strength,
      label: row.label,
      matchedBy: row.matchedBy,
    })),
    receipts: receipts.map((row) => ({
      instanceId: row.instanceId,
      connectorId: row.connectorId,
      connectorVersion: row.connectorVersion,
      type: row.recordType,
      id: row.recordId,
      phase: row.phase,
      outcome: row.outcome,
      detail: row.detail,
      at: row.at,
    })),
    exportPath: request.exportPath,
  };
}

/** Requests, newest first; optionally only those in one status. Default limit 100. */
export async function listRequests(
  database: Database,
  filter: { status?: string; limit?: number } = {},
): Promise<RequestSummary[]> {
  const rows = await listRequestRows(database.db, filter);
  return rows.map(toSummary);
}

function toSummary(row: RequestRow): RequestSummary {
  return {
    id: row.id,
    type: row.type,
    regime: row.regime,
    status: row.status,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    timeZone: row.timeZone,
    exportPath: row.exportPath,
    exportSha256: row.exportSha256,
    outcome: row.outcome,
    suppressionMatches: row.suppressionMatches,
    minimisedAt: row.minimisedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** An id that is not a UUID cannot name a request (and would be a query error in a uuid column). */
function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
