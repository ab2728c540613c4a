import { recordKey, type LocatedRecord, type RecordRef } from "@lethe/connector-sdk";

/* Records are compared by `type/id` keys: the one identity the connector, oracle and runtime share. */

export function keysOf(records: readonly { ref: RecordRef }[]): Set<string> {
  return new Set(records.map((record) => recordKey(record.ref)));
}

export function isStrong(record: LocatedRecord): boolean {
  return record.matchedBy.some((match) => match.strength === "strong");
}

/** Another person's record that only mentions the subject: redacted, never erased (group 9). */
export function isMention(record: LocatedRecord): boolean {
  return record.relation === "mentions";
}

export function duplicateKeys(records: readonly LocatedRecord[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const record of records) {
    const key = recordKey(record.ref);
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return [...duplicates];
}
