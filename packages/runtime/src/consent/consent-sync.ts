import { declaredOperations, type AnyConnector, type ConnectorContext, type ConsentEvidenceInput, type ConsentEvidencePage } from "@lethe/connector-sdk";
import { enqueueJob, getConnectorInstance, loadCheckpoint, saveCheckpoint, type Database } from "@lethe/db";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { ConnectorRegistry } from "../connector-registry";
import { InvalidSweepIntervalError, isSweepInterval } from "../pci-sweep";
import { maxJobAttempts, taskNames } from "../tasks/jobs";

/**
 * A read of one connector instance's consent evidence into the ledger: the calls that started in
 * an interval, each participant judged and written (or brought up to date). Not part of any
 * request; its progress lives in `job_checkpoints` under `consent-sync:<id>`, the cursor it
 * resumes from included, and its start and end in the audit log.
 */
export const consentSyncStateSchema = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  interval: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  cursor: z.string().nullable(),
  pages: z.int().nonnegative(),
  calls: z.int().nonnegative(),
  participants: z.int().nonnegative(),
  /** Participants whose recording lacks consent somewhere, among those read. */
  unconsented: z.int().nonnegative(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type ConsentSyncState = z.infer<typeof consentSyncStateSchema>;

export type ConsentEvidenceReader = (ctx: ConnectorContext, input: ConsentEvidenceInput) => AsyncIterable<ConsentEvidencePage>;

/** The consent evidence a connector declares, or undefined when it declares none. */
export function consentEvidenceOf(connector: AnyConnector | undefined): ConsentEvidenceReader | undefined {
  return connector ? declaredOperations(connector).consentEvidence : undefined;
}

export class ConsentEvidenceNotSupportedError extends Error {
  readonly code = "consent_evidence_not_supported";
  constructor(readonly instanceId: string) {
    super(`connector instance ${instanceId} does not exist or its connector reports no consent evidence`);
    this.name = "ConsentEvidenceNotSupportedError";
  }
}

export function consentSyncKey(id: string): string {
  return `consent-sync:${id}`;
}

/** Every call up to now, by default: a recorder read for the first time has its whole history to account for. */
const everyCall = (now: Date) => `1970-01-01T00:00:00Z/${now.toISOString()}`;

/**
 * Starts a ledger read of one instance: its state, an audit entry and its job in one transaction,
 * so a read exists if and only if it will run. Nothing is written for an unknown instance, one
 * whose connector reports no consent evidence, or a malformed interval.
 */
export async function startConsentSync(
  database: Database,
  registry: ConnectorRegistry,
  input: { instanceId: string; interval?: string; actor: string; now?: Date },
): Promise<ConsentSyncState> {
  if (input.interval !== undefined && !isSweepInterval(input.interval)) throw new InvalidSweepIntervalError();
  const instance = z.uuid().safeParse(input.instanceId).success ? await getConnectorInstance(database.db, input.instanceId) : null;
  if (!instance || !consentEvidenceOf(registry.get(instance.connectorId))) throw new ConsentEvidenceNotSupportedError(input.instanceId);
  const now = input.now ?? new Date();
  const state: ConsentSyncState = {
    id: randomUUID(),
    instanceId: instance.id,
    interval: input.interval ?? everyCall(now),
    status: "queued",
    cursor: null,
    pages: 0,
    calls: 0,
    participants: 0,
    unconsented: 0,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    finishedAt: null,
    error: null,
  };
  await database.db.transaction(async (tx) => {
    await saveCheckpoint(tx, consentSyncKey(state.id), state);
    await enqueueJob(tx, { task: taskNames.consentSync, payload: { syncId: state.id }, jobKey: `${taskNames.consentSync}:${state.id}`, maxAttempts: maxJobAttempts });
    await appendAudit(tx, {
      actor: input.actor,
      action: "consent.sync_started",
      payload: { syncId: state.id, instanceId: instance.id, connectorId: instance.connectorId, interval: state.interval },
    });
  });
  return state;
}

/** A read's progress and result; undefined for an id no read has. */
export async function getConsentSync(database: Database, id: string): Promise<ConsentSyncState | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const parsed = consentSyncStateSchema.safeParse(await loadCheckpoint(database.db, consentSyncKey(id)));
  return parsed.success ? parsed.data : undefined;
}
