import { consentEntriesForHashes, type Executor } from "@lethe/db";
import type { ConsentEvidenceItem } from "../export/consent-evidence-file";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { subjectIdentifierHashes } from "../subject-hashes";

/**
 * The ledger's entries for the subject of an access request, limited to the calls the approved
 * plan exports from each system: a participant whose hashes match the requester's own identifiers
 * on a call that review tied to them. A shared number alone never brings another person's entry
 * in, since that call is not in the plan.
 */
export async function consentEvidenceForExport(
  tx: Executor,
  deps: Pick<RuntimeDependencies, "secretBox">,
  requestId: string,
  exported: readonly { instanceId: string; refs: readonly { type: string; id: string }[] }[],
): Promise<ConsentEvidenceItem[]> {
  const hashes = await subjectIdentifierHashes(tx, deps, requestId);
  if (hashes.length === 0) return [];
  const calls = new Set(exported.flatMap((system) => system.refs.map((ref) => `${system.instanceId}/${ref.id}`)));
  const entries = await consentEntriesForHashes(tx, hashes);
  return entries
    .filter((entry) => calls.has(`${entry.instanceId}/${entry.recordId}`))
    .map((entry) => ({
      system: entry.instanceName,
      recording: { type: entry.recordType, id: entry.recordId },
      callStartedAt: entry.callStartedAt.toISOString(),
      role: entry.role,
      channel: entry.channel,
      joinedAtMs: entry.joinedAtMs,
      knownAs: entry.identifierHints as { kind: string; masked: string }[],
      region: entry.region,
      rule: entry.rule,
      disclosedAtMs: entry.disclosedAtMs,
      consentedAtMs: entry.consentedAtMs,
      capture: entry.capture,
      withdrawnAtMs: entry.withdrawnAtMs,
      consented: entry.consented,
      unconsented: entry.unconsented as { fromMs: number; toMs: number }[],
      reason: entry.reason,
    }));
}
