import { declaredOperations } from "@lethe/connector-sdk";
import type { RetentionSchedule, RetentionScheduleDefinition } from "@lethe/contracts";
import { retentionFingerprint, type RetentionScheduleTerms } from "@lethe/core";
import {
  currentRetentionApprovals,
  deleteRetentionSchedule as deleteScheduleRow,
  getRetentionSchedule,
  getRetentionScheduleByName,
  insertRetentionSchedule,
  listConnectorInstances,
  listRetentionSchedules,
  updateRetentionSchedule as updateScheduleRow,
  type ConnectorInstance,
  type Database,
  type Executor,
  type RetentionApprovalRow,
  type RetentionScheduleRow,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { ConnectorRegistry } from "../connector-registry";
import {
  DuplicateRetentionScheduleError,
  InvalidRetentionScheduleError,
  RetentionScheduleFromFileError,
  RetentionScheduleNotFoundError,
} from "./retention-errors";

export interface RetentionAdmin {
  database: Database;
  registry: ConnectorRegistry;
}

export type RetentionSource = "console" | "file";

/**
 * The terms a definition stands for: its instance found by id or name, and its record type one the
 * instance's connector can find by age (`capabilities.retention`). Anything else is an
 * `InvalidRetentionScheduleError` naming what is wrong.
 */
export async function resolveScheduleTerms(
  executor: Executor,
  registry: ConnectorRegistry,
  definition: RetentionScheduleDefinition,
): Promise<{ instance: ConnectorInstance; terms: RetentionScheduleTerms }> {
  const instances = await listConnectorInstances(executor);
  const instance =
    instances.find((candidate) => candidate.id === definition.connectorInstance) ??
    instances.find((candidate) => candidate.name === definition.connectorInstance);
  if (!instance) throw new InvalidRetentionScheduleError(`connectorInstance: no connector instance is named or has the id "${definition.connectorInstance}"`);
  const connector = registry.get(instance.connectorId);
  const retention = connector ? declaredOperations(connector).retention : undefined;
  if (!retention) throw new InvalidRetentionScheduleError(`connectorInstance: the connector "${instance.connectorId}" of "${instance.name}" cannot find records by age`);
  if (!retention.recordTypes.includes(definition.recordType)) {
    throw new InvalidRetentionScheduleError(`recordType: "${instance.connectorId}" finds expired records of type ${retention.recordTypes.map((type) => `"${type}"`).join(", ")} only, not "${definition.recordType}"`);
  }
  const keepWhenTagged: string[] = [...new Set<string>(definition.keepWhenTagged)].sort();
  return { instance, terms: { instanceId: instance.id, recordType: definition.recordType, period: definition.period, action: definition.action, keepWhenTagged } };
}

function rowValues(definition: RetentionScheduleDefinition, terms: RetentionScheduleTerms) {
  return {
    name: definition.name,
    instanceId: terms.instanceId,
    recordType: terms.recordType,
    period: terms.period,
    action: terms.action,
    keepWhenTagged: [...terms.keepWhenTagged],
    fingerprint: retentionFingerprint(terms),
  };
}

/** Creates a schedule (and its audit entry). It runs only once a preview of its terms is approved. */
export async function createRetentionSchedule(
  admin: RetentionAdmin,
  definition: RetentionScheduleDefinition,
  input: { actor: string; source: RetentionSource },
): Promise<RetentionScheduleRow> {
  return admin.database.db.transaction(async (tx) => {
    const { terms } = await resolveScheduleTerms(tx, admin.registry, definition);
    if (await getRetentionScheduleByName(tx, definition.name)) throw new DuplicateRetentionScheduleError(definition.name);
    const row = await insertRetentionSchedule(tx, { ...rowValues(definition, terms), source: input.source, createdBy: input.actor });
    await appendAudit(tx, { actor: input.actor, action: "retention.schedule_created", payload: auditTerms(row) });
    return row;
  });
}

/**
 * Replaces a console schedule's definition. Changed terms change the fingerprint, so the schedule
 * waits for a new approval; a rename alone does not. `fromFile` is set only by the file's sync.
 */
export async function updateRetentionSchedule(
  admin: RetentionAdmin,
  id: string,
  definition: RetentionScheduleDefinition,
  input: { actor: string; fromFile?: boolean },
): Promise<RetentionScheduleRow> {
  return admin.database.db.transaction(async (tx) => {
    const existing = await getRetentionSchedule(tx, id);
    if (!existing) throw new RetentionScheduleNotFoundError(id);
    if (existing.source === "file" && !input.fromFile) throw new RetentionScheduleFromFileError(existing.name);
    const { terms } = await resolveScheduleTerms(tx, admin.registry, definition);
    const clash = await getRetentionScheduleByName(tx, definition.name);
    if (clash && clash.id !== id) throw new DuplicateRetentionScheduleError(definition.name);
    // The file wins: a console schedule the file names becomes the file's.
    const row = await updateScheduleRow(tx, id, { ...rowValues(definition, terms), ...(input.fromFile ? { source: "file" } : {}) });
    if (!row) throw new RetentionScheduleNotFoundError(id);
    if (row.fingerprint !== existing.fingerprint || row.name !== existing.name) {
      await appendAudit(tx, {
        actor: input.actor,
        action: "retention.schedule_changed",
        payload: { ...auditTerms(row), previousFingerprint: existing.fingerprint, termsChanged: row.fingerprint !== existing.fingerprint },
      });
    }
    return row;
  });
}

export async function deleteRetentionSchedule(admin: RetentionAdmin, id: string, input: { actor: string; fromFile?: boolean }): Promise<void> {
  await admin.database.db.transaction(async (tx) => {
    const existing = await getRetentionSchedule(tx, id);
    if (!existing) throw new RetentionScheduleNotFoundError(id);
    if (existing.source === "file" && !input.fromFile) throw new RetentionScheduleFromFileError(existing.name);
    await deleteScheduleRow(tx, id);
    await appendAudit(tx, { actor: input.actor, action: "retention.schedule_deleted", payload: auditTerms(existing) });
  });
}

/** Ids, terms and the fingerprint: what an auditor needs to know which terms erased what. */
export function auditTerms(row: RetentionScheduleRow) {
  return {
    scheduleId: row.id,
    name: row.name,
    instanceId: row.instanceId,
    recordType: row.recordType,
    period: row.period,
    action: row.action,
    keepWhenTagged: row.keepWhenTagged,
    fingerprint: row.fingerprint,
    source: row.source,
  };
}

/** Every schedule as the API shows it, with the approval of its current terms. */
export async function listRetentionScheduleViews(executor: Executor): Promise<RetentionSchedule[]> {
  const rows = await listRetentionSchedules(executor);
  const approvals = await currentRetentionApprovals(executor, rows);
  const instances = new Map((await listConnectorInstances(executor)).map((instance) => [instance.id, instance]));
  return rows.map((row) => scheduleView(row, approvals.get(row.id), instances.get(row.instanceId)));
}

export async function getRetentionScheduleView(executor: Executor, id: string): Promise<RetentionSchedule> {
  const view = (await listRetentionScheduleViews(executor)).find((schedule) => schedule.id === id);
  if (!view) throw new RetentionScheduleNotFoundError(id);
  return view;
}

function scheduleView(row: RetentionScheduleRow, approval: RetentionApprovalRow | undefined, instance: ConnectorInstance | undefined): RetentionSchedule {
  return {
    id: row.id,
    name: row.name,
    instanceId: row.instanceId,
    instanceName: instance?.name ?? row.instanceId,
    connectorId: instance?.connectorId ?? "",
    recordType: row.recordType,
    period: row.period,
    action: "erase",
    keepWhenTagged: row.keepWhenTagged,
    source: row.source === "file" ? "file" : "console",
    fingerprint: row.fingerprint,
    approval: approval
      ? { fingerprint: approval.fingerprint, previewRunId: approval.previewRunId, approvedBy: approval.approvedBy, approvedAt: approval.approvedAt.toISOString() }
      : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
