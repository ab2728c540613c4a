import { identifierKey, recordKey, type Identifier, type IdentifierMatch, type LocatedRecord, type RecordRef } from "@lethe/connector-sdk";

/**
 * The records found so far, each once, with every identifier that led to it (a record reached
 * through a strong and a weak identifier keeps both; the strongest per identifier wins).
 *
 * A record added only as a mention (`mentionIn` given: another person's record that names the
 * subject in those fields) is reported `relation: "mentions"`; reached once as the subject's own
 * (their Case, an e-mail on their Case), it is theirs whatever else mentions them.
 */
export class LocatedSet {
  private readonly records = new Map<string, LocatedRecord>();
  private readonly mentions = new Map<string, Set<string>>();
  private readonly own = new Set<string>();

  add(ref: RecordRef, matches: readonly IdentifierMatch[], label: string, discovered: readonly Identifier[] = [], mentionIn?: readonly string[]): void {
    const key = recordKey(ref);
    if (mentionIn) this.mentions.set(key, new Set([...(this.mentions.get(key) ?? []), ...mentionIn]));
    else this.own.add(key);
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

  /** Whether the record was found as the subject's own (not only as a mention). */
  isOwn(id: string): boolean {
    return [...this.records.entries()].some(([key, record]) => record.ref.id === id && this.own.has(key));
  }

  has(id: string): boolean {
    return [...this.records.values()].some((record) => record.ref.id === id);
  }

  /** The subject's own records of a type (not those that only mention them): what others hang from. */
  ownIdsOf(type: string): string[] {
    return this.idsOf(type).filter((id) => this.own.has(recordKey({ type, id })));
  }

  idsOf(type: string): string[] {
    return [...this.records.values()].filter((record) => record.ref.type === type).map((record) => record.ref.id);
  }

  /** In key order: a resumed locate walks them alike. */
  sorted(): LocatedRecord[] {
    return [...this.records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, record]) => {
      const fields = this.mentions.get(key);
      // What else a mention's record holds is the other person's: it discovers nothing of the subject.
      return fields && !this.own.has(key) ? { ...record, discovered: [], relation: "mentions" as const, mentionFields: [...fields] } : record;
    });
  }
}
