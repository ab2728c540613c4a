import type { Identifier } from "@lethe/connector-sdk";
import { identifierHash } from "@lethe/core";
import { addSuppressionMatches, countSuppressedMatches, type Executor } from "@lethe/db";
import { type AuditInput } from "../audit/append-audit";

/** The suppression-list entries of normalised identifiers (see identifierHash). */
export function suppressionEntries(key: Uint8Array, identifiers: readonly Identifier[]) {
  return identifiers.map((identifier) => ({
    kind: identifier.kind,
    identifierHash: identifierHash(key, identifier.kind, identifier.system ? `${identifier.system}:${identifier.value}` : identifier.value),
  }));
}

/**
 * Flags a request whose identifiers are on the suppression list: the person was erased before,
 * so finding them again means a restored backup, a re-import, or a returning customer — a person
 * should look before anything is erased or sent. Counted on the request; the audit entry (no
 * values) is returned for the caller to append last in its transaction, as every engine step does.
 */
export async function flagSuppressedIdentifiers(
  tx: Executor,
  input: { key: Uint8Array; requestId: string; identifiers: readonly Identifier[]; actor: string; during: "filing" | "locate" },
): Promise<AuditInput[]> {
  if (input.identifiers.length === 0) return [];
  const matches = await countSuppressedMatches(tx, suppressionEntries(input.key, input.identifiers), input.requestId);
  if (matches === 0) return [];
  await addSuppressionMatches(tx, input.requestId, matches);
  return [{ actor: input.actor, action: "request.suppression_match", requestId: input.requestId, payload: { matches, during: input.during } }];
}
