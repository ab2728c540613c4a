import type { Identifier, LocateQuery } from "@lethe/connector-sdk";
import type { SubjectIdentifierRow } from "@lethe/db";
import { asIdentifier, sameIdentifierKey } from "@lethe/core";

/**
 * What one locate round asks a connector: round 0 searches with every identifier the session
 * holds (a re-locate starts again at round 0, so it searches with everything found before too);
 * a later round n only with the identifiers discovered for round n — the earlier ones were
 * searched already, on every instance, and searching them again would return the same records
 * for the same vendor calls. Those go along as `known`, so the connector still judges a match
 * against the whole subject (corroboration) and does not report them as discovered.
 */
export function locateQueryFor(round: number, sessionIdentifiers: readonly Identifier[], subjectIdentifiers: readonly SubjectIdentifierRow[]): LocateQuery {
  if (round === 0) return { identifiers: [...sessionIdentifiers] };
  const fresh = new Set(subjectIdentifiers.filter((row) => row.round === round).map((row) => sameIdentifierKey(asIdentifier(row))));
  const identifiers: Identifier[] = [];
  const known: Identifier[] = [];
  for (const identifier of sessionIdentifiers) (fresh.has(sameIdentifierKey(identifier)) ? identifiers : known).push(identifier);
  return { identifiers, known };
}
