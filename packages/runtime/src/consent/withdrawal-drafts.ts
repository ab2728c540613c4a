import type { UnconsentedStretch } from "@lethe/core";
import { insertConsentRemediation, remediationsOfEntries, type ConsentLedgerRow, type Executor } from "@lethe/db";
import { appendAudits } from "../audit/append-audit";
import { remediationSpans } from "./remediation-plan";

/**
 * The entries whose participant withdrew consent mid-call, on a channel of their own: what they
 * said after the withdrawal must go, so a remediation is drafted for them without anyone asking
 * (it still waits for approval). Pure.
 */
export function withdrawnOnTheirChannel(entries: readonly ConsentLedgerRow[]): ConsentLedgerRow[] {
  return entries.filter((entry) => entry.withdrawnAtMs !== null && !entry.consented && entry.channel !== null);
}

/**
 * Drafts `redact-party` for each withdrawal read in, once: an entry that has ever had a
 * remediation (drafted by the worker or by an officer, carried out or not) gets none again.
 */
export async function draftWithdrawalRemediations(tx: Executor, entries: readonly ConsentLedgerRow[]): Promise<number> {
  const withdrawn = withdrawnOnTheirChannel(entries);
  if (withdrawn.length === 0) return 0;
  const remedied = new Set((await remediationsOfEntries(tx, withdrawn.map((entry) => entry.id))).map((row) => row.ledgerEntryId));
  const audits = [];
  for (const entry of withdrawn.filter((candidate) => !remedied.has(candidate.id))) {
    const draft = await insertConsentRemediation(tx, {
      ledgerEntryId: entry.id,
      instanceId: entry.instanceId,
      recordType: entry.recordType,
      recordId: entry.recordId,
      action: "redact-party",
      spans: remediationSpans({ channel: entry.channel, unconsented: entry.unconsented as UnconsentedStretch[] }),
      status: "draft",
      createdBy: "worker",
    });
    audits.push({
      actor: "worker",
      action: "consent.remediation_planned",
      payload: { remediationId: draft.id, ledgerEntryId: entry.id, instanceId: entry.instanceId, recordId: entry.recordId, action: "redact-party", because: "withdrawn" },
    });
  }
  if (audits.length > 0) await appendAudits(tx, audits);
  return audits.length;
}
