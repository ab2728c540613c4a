import { asIdentifier, identifierStrength, normaliseIdentifier, type CountryCode } from "@lethe/core";
import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import {
  insertSubjectIdentifiers,
  listLocatedRecords,
  listSubjectIdentifiers,
  type Executor,
  type NewSubjectIdentifier,
  type SubjectIdentifierRow,
} from "@lethe/db";

/**
 * Stores the identifiers located records revealed that the request does not hold yet, as
 * `discovered` in round `round + 1`, with the record they came from. Normalised like given ones
 * (a connector's `+44 20…` and `020…` are one number). Strength: the identifier's own
 * (`identifierStrength(kind, "discovered")`), never stronger than the record it was found on — a
 * bystander's record found through a shared phone must not lend its ids strength. A value that
 * does not normalise is skipped: a connector's odd field is no reason to stop the request.
 */
export async function discoverIdentifiers(
  tx: Executor,
  input: { requestId: string; round: number; defaultRegion: string },
): Promise<SubjectIdentifierRow[]> {
  const known = new Set((await listSubjectIdentifiers(tx, input.requestId)).map((row) => identifierKey(asIdentifier(row))));
  const fresh = new Map<string, NewSubjectIdentifier>();
  for (const record of await listLocatedRecords(tx, { requestId: input.requestId })) {
    for (const raw of Array.isArray(record.discovered) ? (record.discovered as Identifier[]) : []) {
      let identifier: Identifier;
      try {
        identifier = normaliseIdentifier(raw, { defaultRegion: input.defaultRegion as CountryCode });
      } catch {
        continue;
      }
      const key = identifierKey(identifier);
      if (known.has(key)) continue;
      const own = identifierStrength(identifier.kind, "discovered");
      const strength = own === "strong" && record.strength === "strong" ? "strong" : "weak";
      const previous = fresh.get(key);
      // Found on several records: the strongest finding counts, the first source is kept.
      if (previous && (previous.strength === "strong" || strength === "weak")) continue;
      fresh.set(key, {
        kind: identifier.kind,
        value: identifier.value,
        ...(identifier.system ? { system: identifier.system } : {}),
        provenance: "discovered",
        strength,
        round: input.round + 1,
        source: { locatedRecordId: record.id, instanceId: record.instanceId, recordType: record.recordType, recordId: record.recordId },
      });
    }
  }
  return insertSubjectIdentifiers(tx, input.requestId, [...fresh.values()]);
}
