import { identifierKey, recordKey, type Identifier, type IdentifierMatch, type LocatedRecord, type RecordRef } from "@lethe/connector-sdk";

/**
 * The records found so far, each once, with every identifier that led to it (a record reached
 * through a strong and a weak identifier keeps both; the strongest per identifier wins).
 */
export class LocatedSet {
  private readonly records = new Map<string, LocatedRecord>();

  add(ref: RecordRef, matches: readonly IdentifierMatch[], label: string, discovered: readonly Identifier[] = []): void {
    const key = recordKey(ref);
    const entry = this.records.get(key) ?? { ref, matchedBy: [], discovered: [], label };
    for (const match of matches) {
      const same = entry.matchedBy.findIndex((existing) => identifierKey(existing.identifier) === identifierKey(match.identifier));
      const existing = same >= 0 ? entry.matchedBy[same] : undefined;
      if (!existing) entry.matchedBy.push(match);
      else if (existing.strength === "weak" && match.strength === "strong") entry.matchedBy[same] = match;
    }
    for (const identifier of discovered) {
      if (!entry.discovered.some((known) => identifierKey(known) === identifierKey(identifier))) entry.discovered.push(identifier);
    }
    this.records.set(key, entry);
  }

  matchesOf(id: string): IdentifierMatch[] {
    for (const record of this.records.values()) if (record.ref.id === id) return record.matchedBy;
    return [];
  }

  has(id: string): boolean {
    return [...this.records.values()].some((record) => record.ref.id === id);
  }

  idsOf(type: string): string[] {
    return [...this.records.values()].filter((record) => record.ref.type === type).map((record) => record.ref.id);
  }

  /** In key order: a resumed locate walks them alike. */
  sorted(): LocatedRecord[] {
    return [...this.records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
  }
}
