import type { IdentifierMatch } from "@lethe/connector-sdk";
import { mentionOf } from "./record-relation";
import { sameIdentifierKey } from "./match-strength";

/** A located record as stored, or as a connector reported it again (strength: the engine's verdict). */
export interface Sighting {
  strength: "strong" | "weak";
  matchedBy: readonly IdentifierMatch[];
  facts: Record<string, unknown>;
}

/**
 * A record an earlier locate round stored, found again in a later round through an identifier
 * new in that round. It is not stored again as found: its label, discovered identifiers, round and
 * facts stay those of its first sighting (the identifiers it revealed were taken up already).
 * What the new sighting may add:
 *
 * - its matches, so the review and the provenance graph show every identifier that leads to the
 *   record — a weak record matching two of the subject's identifiers is better evidence;
 * - strength: strong when either sighting is (the engine's verdict is "some match strong for the
 *   request", so the union of the matches judges the same); never weaker than stored;
 * - relation: the record is another person's that only mentions the subject only while every
 *   sighting says so; one that finds it as the subject's own makes it theirs (as one search with
 *   every identifier would have said), and two mentions add up their fields.
 *
 * Returns what to store, or `undefined` when the new sighting adds nothing (nothing is written).
 */
export function mergeSighting(stored: Sighting, again: Sighting): Sighting | undefined {
  const held = new Set(stored.matchedBy.map(matchKey));
  const added = again.matchedBy.filter((match) => !held.has(matchKey(match)));
  const strength = stored.strength === "strong" || again.strength === "strong" ? "strong" : "weak";
  const facts = mergedFacts(stored.facts, again.facts);
  if (added.length === 0 && strength === stored.strength && facts === stored.facts) return undefined;
  return { strength, matchedBy: [...stored.matchedBy, ...added], facts };
}

function mergedFacts(stored: Record<string, unknown>, again: Record<string, unknown>): Record<string, unknown> {
  const was = mentionOf(stored);
  if (!was) return stored;
  const now = mentionOf(again);
  if (!now) {
    const { relation: _relation, mentionFields: _fields, ...own } = stored;
    return own;
  }
  const fields = [...new Set([...was.fields, ...now.fields])];
  return fields.length === was.fields.length ? stored : { ...stored, mentionFields: fields };
}

function matchKey(match: IdentifierMatch): string {
  return `${sameIdentifierKey(match.identifier)} ${match.strength} ${match.field ?? ""}`;
}
