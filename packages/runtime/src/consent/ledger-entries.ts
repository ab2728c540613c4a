import type { CallConsent } from "@lethe/connector-sdk";
import { identifierHash, judgeConsent, maskIdentifier } from "@lethe/core";
import type { NewConsentLedgerEntry } from "@lethe/db";

/**
 * A call's participants as ledger entries: judged by `judgeConsent`, the participant kept only as
 * keyed hashes of their identifiers and masked hints. Pure; `hashKey` is the identifier hash key.
 */
export function ledgerEntriesOf(call: CallConsent, instanceId: string, hashKey: Uint8Array): NewConsentLedgerEntry[] {
  return call.participants.map((participant) => {
    const judged = judgeConsent(participant, call.durationMs);
    return {
      instanceId,
      recordType: call.ref.type,
      recordId: call.ref.id,
      participantId: participant.participantId,
      role: participant.role,
      identifierHashes: participant.identifiers.map((identifier) => identifierHash(hashKey, identifier.kind, identifier.value)),
      identifierHints: participant.identifiers.map((identifier) => ({ kind: identifier.kind, masked: maskIdentifier(identifier.kind, identifier.value) })),
      channel: participant.channel,
      callStartedAt: new Date(call.startedAt),
      callDurationMs: call.durationMs,
      joinedAtMs: participant.joinedAtMs,
      leftAtMs: participant.leftAtMs ?? null,
      facts: participant.facts.map((fact) => ({ kind: fact.kind, atMs: fact.atMs, ...(fact.capture ? { capture: fact.capture } : {}) })),
      region: judged.region,
      rule: judged.rule,
      disclosedAtMs: judged.disclosedAtMs,
      consentedAtMs: judged.consentedAtMs,
      capture: judged.capture,
      withdrawnAtMs: judged.withdrawnAtMs,
      consented: judged.consented,
      unconsented: judged.unconsented,
      reason: judged.reason,
    };
  });
}
