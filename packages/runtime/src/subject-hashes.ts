import type { IdentifierKind } from "@lethe/connector-sdk";
import { identifierHash } from "@lethe/core";
import { listSubjectIdentifiers, type Executor } from "@lethe/db";
import { identifierHashKey } from "./identifier-hash-key";
import type { RuntimeDependencies } from "./runtime-dependencies";

/**
 * Keyed hashes of the identifiers the requester gave or verified — never those a connector
 * discovered, which may be someone else's: what person-level holds and the consent ledger name.
 */
export async function subjectIdentifierHashes(tx: Executor, deps: Pick<RuntimeDependencies, "secretBox">, requestId: string): Promise<string[]> {
  const rows = await listSubjectIdentifiers(tx, requestId);
  const own = rows.filter((row) => row.provenance === "given" || row.provenance === "verified");
  if (own.length === 0) return [];
  const key = identifierHashKey(deps);
  return own.map((row) => identifierHash(key, row.kind as IdentifierKind, row.value));
}
