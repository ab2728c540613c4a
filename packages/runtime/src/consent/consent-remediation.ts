import { declaredOperations } from "@lethe/connector-sdk";
import type { UnconsentedStretch } from "@lethe/core";
import {
  enqueueJob,
  getConnectorInstance,
  getConsentEntry,
  getConsentRemediation,
  insertConsentRemediation,
  remediationsOfEntries,
  transitionConsentRemediation,
  type ConsentRemediationRow,
  type Database,
} from "@lethe/db";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { ConnectorRegistry } from "../connector-registry";
import { maxJobAttempts, taskNames } from "../tasks/jobs";
import { remediationRefusal, remediationSpans, type RemediationAction } from "./remediation-plan";

/** Statuses of a remediation still under way: a second one for the same participant waits for it. */
export const openRemediationStatuses = ["draft", "approved", "running", "confirming"] as const;

export class ConsentEntryNotFoundError extends Error {
  readonly code = "consent_entry_not_found";
  constructor(readonly entryId: string) {
    super(`no consent ledger entry ${entryId}`);
    this.name = "ConsentEntryNotFoundError";
  }
}

export class ConsentRemediationNotFoundError extends Error {
  readonly code = "consent_remediation_not_found";
  constructor(readonly remediationId: string) {
    super(`no consent remediation ${remediationId}`);
    this.name = "ConsentRemediationNotFoundError";
  }
}

/** A remediation that cannot be planned or approved as asked; the message says why. */
export class ConsentRemediationRefusedError extends Error {
  readonly code = "consent_remediation_refused";
  constructor(message: string) {
    super(message);
    this.name = "ConsentRemediationRefusedError";
  }
}

/**
 * Drafts the remediation of one participant's unconsented recording: the spans `redact-party`
 * would mute (their channel over each unconsented stretch) or the recording `delete-recording`
 * would delete. Nothing changes in the system until it is approved.
 */
export async function planConsentRemediation(
  database: Database,
  registry: ConnectorRegistry,
  input: { entryId: string; action: RemediationAction; actor: string },
): Promise<ConsentRemediationRow> {
  const entry = z.uuid().safeParse(input.entryId).success ? await getConsentEntry(database.db, input.entryId) : undefined;
  if (!entry) throw new ConsentEntryNotFoundError(input.entryId);
  const instance = await getConnectorInstance(database.db, entry.instanceId);
  const connector = instance ? registry.get(instance.connectorId) : undefined;
  const operations = connector ? declaredOperations(connector) : {};
  const unconsented = entry.unconsented as UnconsentedStretch[];
  const refusal = remediationRefusal({ ...entry, unconsented }, input.action, { redact: operations.redact !== undefined, erase: operations.erase !== undefined });
  if (refusal) throw new ConsentRemediationRefusedError(refusal);
  return database.db.transaction(async (tx) => {
    const open = (await remediationsOfEntries(tx, [entry.id])).find((row) => (openRemediationStatuses as readonly string[]).includes(row.status));
    if (open) throw new ConsentRemediationRefusedError(`remediation ${open.id} of this participant is ${open.status}; finish or wait for it first`);
    const row = await insertConsentRemediation(tx, {
      ledgerEntryId: entry.id,
      instanceId: entry.instanceId,
      recordType: entry.recordType,
      recordId: entry.recordId,
      action: input.action,
      spans: input.action === "redact-party" ? remediationSpans({ channel: entry.channel, unconsented }) : [],
      status: "draft",
      createdBy: input.actor,
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "consent.remediation_planned",
      payload: { remediationId: row.id, ledgerEntryId: entry.id, instanceId: entry.instanceId, recordId: entry.recordId, action: input.action },
    });
    return row;
  });
}

/** Approves a drafted remediation and queues it; approving twice, or anything but a draft, is refused. */
export async function approveConsentRemediation(database: Database, input: { id: string; actor: string; now?: Date }): Promise<ConsentRemediationRow> {
  const existing = z.uuid().safeParse(input.id).success ? await getConsentRemediation(database.db, input.id) : undefined;
  if (!existing) throw new ConsentRemediationNotFoundError(input.id);
  return database.db.transaction(async (tx) => {
    const approved = await transitionConsentRemediation(tx, input.id, "draft", { status: "approved", approvedBy: input.actor, approvedAt: input.now ?? new Date() });
    if (!approved) throw new ConsentRemediationRefusedError(`remediation ${input.id} is ${existing.status}, not a draft awaiting approval`);
    await enqueueJob(tx, { task: taskNames.consentRemediation, payload: { remediationId: approved.id }, jobKey: `${taskNames.consentRemediation}:${approved.id}`, maxAttempts: maxJobAttempts });
    await appendAudit(tx, {
      actor: input.actor,
      action: "consent.remediation_approved",
      payload: { remediationId: approved.id, instanceId: approved.instanceId, recordId: approved.recordId, action: approved.action },
    });
    return approved;
  });
}
