import type { Hold } from "@lethe/contracts";
import type { LegalHoldWithCounts } from "@lethe/runtime";

/**
 * A hold as the API shows it. A person hold's selector is only how many identifiers it names:
 * its keyed hashes are of no use to a reader and are not handed out.
 */
export function toHold(row: LegalHoldWithCounts): Hold {
  return {
    id: row.id,
    scope: row.scope as Hold["scope"],
    title: row.title,
    basis: row.basis,
    owner: row.owner,
    selector: row.scope === "person" ? { identifierCount: identifierCountOf(row.selector) } : row.selector,
    redactNonEssential: row.redactNonEssential,
    reviewAt: row.reviewAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy,
    endReason: row.endReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    retainedRecords: row.retainedRecords,
    releasedRecords: row.releasedRecords,
  };
}

function identifierCountOf(selector: unknown): number {
  const hashes = (selector as { identifierHashes?: unknown } | null)?.identifierHashes;
  return Array.isArray(hashes) ? hashes.length : 0;
}
