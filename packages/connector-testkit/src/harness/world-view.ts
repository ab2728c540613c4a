import { identifierKey, type Identifier, type LocateQuery, type OraclePerson } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "./conformance-harness";

/** The seeded people as the oracle lists them, with the facts the locate checks reason about. */
export interface WorldView {
  people: OraclePerson[];
  subjects: OraclePerson[];
  bystanders: OraclePerson[];
  person(id: string): OraclePerson | undefined;
  bystandersOf(subjectId: string): OraclePerson[];
  /** Held by more than one person of the world (a household phone): never a strong match. */
  isShared(identifier: Identifier): boolean;
  /** The person's identifiers that the connector declares it can locate by. */
  query(person: OraclePerson): LocateQuery;
}

export async function readWorld(h: ConformanceHarness): Promise<WorldView> {
  const people = await h.oracle.people();
  const holders = new Map<string, Set<string>>();
  for (const person of people) {
    for (const identifier of person.identifiers) {
      const key = identityKey(identifier);
      holders.set(key, (holders.get(key) ?? new Set()).add(person.id));
    }
  }
  const kinds = new Set(h.connector.identifiers);
  return {
    people,
    subjects: people.filter((person) => person.role === "subject"),
    bystanders: people.filter((person) => person.role === "bystander"),
    person: (id) => people.find((person) => person.id === id),
    bystandersOf: (subjectId) => people.filter((person) => person.bystanderOf === subjectId),
    isShared: (identifier) => (holders.get(identityKey(identifier))?.size ?? 0) > 1,
    query: (person) => ({ identifiers: person.identifiers.filter((identifier) => kinds.has(identifier.kind)) }),
  };
}

/** Identifier values are compared as the engine normalises them; e-mail case never tells people apart. */
export function identityKey(identifier: Identifier): string {
  return identifierKey(identifier.kind === "email" ? { ...identifier, value: identifier.value.toLowerCase() } : identifier);
}
