import type { ConsentEntry, ConsentRemediation, ConsentSync } from "@lethe/contracts";
import type { ConsentSyncState } from "@lethe/runtime";

/*
 * The consent ledger as the API shows it. Rows come from the database with the shapes the
 * runtime wrote (`ledgerEntriesOf`, `planConsentRemediation`); the contract's schemas are the
 * check on the way out (the API validates responses in its tests).
 */

type LedgerRow = {
  id: string;
  instanceId: string;
  instanceName: string;
  recordType: string;
  recordId: string;
  participantId: string;
  role: string;
  identifierHints: unknown;
  channel: number | null;
  callStartedAt: Date;
  callDurationMs: number;
  joinedAtMs: number;
  leftAtMs: number | null;
  facts: unknown;
  region: string;
  rule: string;
  disclosedAtMs: number | null;
  consentedAtMs: number | null;
  capture: string | null;
  withdrawnAtMs: number | null;
  consented: boolean;
  unconsented: unknown;
  reason: string;
  remediationId: string | null;
  remediationStatus: string | null;
};

export function toConsentEntry(row: LedgerRow): ConsentEntry {
  return {
    id: row.id,
    instanceId: row.instanceId,
    instanceName: row.instanceName,
    recording: { type: row.recordType, id: row.recordId },
    participantId: row.participantId,
    role: row.role as ConsentEntry["role"],
    knownAs: row.identifierHints as ConsentEntry["knownAs"],
    channel: row.channel,
    callStartedAt: row.callStartedAt.toISOString(),
    callDurationMs: row.callDurationMs,
    joinedAtMs: row.joinedAtMs,
    leftAtMs: row.leftAtMs,
    facts: row.facts as ConsentEntry["facts"],
    region: row.region,
    rule: row.rule as ConsentEntry["rule"],
    disclosedAtMs: row.disclosedAtMs,
    consentedAtMs: row.consentedAtMs,
    capture: row.capture as ConsentEntry["capture"],
    withdrawnAtMs: row.withdrawnAtMs,
    consented: row.consented,
    unconsented: row.unconsented as ConsentEntry["unconsented"],
    reason: row.reason,
    remediation: row.remediationId && row.remediationStatus ? { id: row.remediationId, status: row.remediationStatus as ConsentRemediation["status"] } : null,
  };
}

type RemediationRow = {
  id: string;
  ledgerEntryId: string;
  instanceId: string;
  recordType: string;
  recordId: string;
  action: string;
  spans: unknown;
  status: string;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  receipt: unknown;
  heldBy: string | null;
  error: string | null;
  finishedAt: Date | null;
};

export function toConsentRemediation(row: RemediationRow): ConsentRemediation {
  const receipt = row.receipt as { outcome: string; detail?: string } | null;
  return {
    id: row.id,
    ledgerEntryId: row.ledgerEntryId,
    instanceId: row.instanceId,
    recording: { type: row.recordType, id: row.recordId },
    action: row.action as ConsentRemediation["action"],
    spans: row.spans as ConsentRemediation["spans"],
    status: row.status as ConsentRemediation["status"],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    receipt: receipt ? { outcome: receipt.outcome, ...(receipt.detail ? { detail: receipt.detail } : {}) } : null,
    heldBy: row.heldBy,
    error: row.error,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The read as the API shows it: everything but the vendor's resume cursor. */
export function toConsentSync(state: ConsentSyncState): ConsentSync {
  const { cursor: _cursor, ...shown } = state;
  return shown;
}
