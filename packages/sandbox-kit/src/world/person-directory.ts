import type { Identifier, OraclePerson } from "@lethe/connector-sdk";

/** What a client may say about a person it declares (`POST /__sandbox/people`). */
export interface PersonDeclaration {
  /** Chosen by the client, or made up by the directory (`declared-1`, …). */
  id?: string;
  role: OraclePerson["role"];
  bystanderOf?: string;
  identifiers: Identifier[];
}

/**
 * Who is who in a sandbox whose data does not all come from its seed: the seeded people, the
 * people a client declared through the oracle, and the people records created through the
 * vendor's API belong to. A created record is matched to a person by its identifiers — one
 * identifier in common (e-mail compared case-insensitively, other kinds exactly; a phone number
 * only when the record has nothing else) makes it theirs; otherwise it starts a new person (a
 * subject) of its own.
 *
 * An *owner* is the vendor's record that stands for a person (a Zendesk user, a CRM contact): the
 * oracle reads a person's data as the data of their owners. A seeded person owns the record with
 * their own id.
 */
export class PersonDirectory {
  private readonly known: OraclePerson[];
  private readonly ownersOfPerson = new Map<string, string[]>();
  private readonly personOfOwner = new Map<string, string>();
  private declaredCount = 0;

  constructor(seeded: readonly OraclePerson[]) {
    this.known = seeded.map((person) => ({ ...person, identifiers: [...person.identifiers] }));
    for (const person of seeded) this.link(person.id, person.id);
  }

  /** The vendor records that stand for the person (none yet for a declared person). */
  ownersOf(personId: string): string[] {
    return this.ownersOfPerson.get(personId) ?? [];
  }

  /** The person a vendor record stands for, if it is known. */
  personOf(ownerKey: string): OraclePerson | undefined {
    const personId = this.personOfOwner.get(ownerKey);
    return personId === undefined ? undefined : this.find(personId);
  }

  /**
   * A vendor record standing for a person was created: it becomes an owner of the person sharing
   * one of `matchBy` (who gets all of `identifiers`), else of a new subject whose id is the owner key.
   */
  ownerCreated(ownerKey: string, matchBy: readonly Identifier[], identifiers: readonly Identifier[] = matchBy): OraclePerson {
    const person = this.attach(matchBy, ownerKey);
    this.addIdentifiers(person.id, identifiers);
    this.link(person.id, ownerKey);
    return person;
  }

  private link(personId: string, ownerKey: string): void {
    if (this.personOfOwner.has(ownerKey)) return;
    this.ownersOfPerson.set(personId, [...this.ownersOf(personId), ownerKey]);
    this.personOfOwner.set(ownerKey, personId);
  }

  people(): OraclePerson[] {
    return this.known;
  }

  find(id: string): OraclePerson | undefined {
    return this.known.find((person) => person.id === id);
  }

  /** A new person; throws on an id already taken or a `bystanderOf` nobody has. */
  declare(declaration: PersonDeclaration): OraclePerson {
    const id = declaration.id ?? this.nextDeclaredId();
    if (this.find(id)) throw new PersonDirectoryError(`A person with id ${id} already exists.`);
    if (declaration.bystanderOf !== undefined && !this.find(declaration.bystanderOf)) {
      throw new PersonDirectoryError(`bystanderOf names no known person (${declaration.bystanderOf}).`);
    }
    const person: OraclePerson = {
      id,
      role: declaration.role,
      ...(declaration.bystanderOf !== undefined ? { bystanderOf: declaration.bystanderOf } : {}),
      identifiers: dedupe(declaration.identifiers),
    };
    this.known.push(person);
    return person;
  }

  /**
   * The person who holds one of these identifiers, or undefined. A phone number is shared by
   * households, so it decides only for a record that has nothing else to go by.
   */
  match(identifiers: readonly Identifier[]): OraclePerson | undefined {
    const personal = identifiers.filter((identifier) => identifier.kind !== "phone");
    const wanted = new Set((personal.length > 0 ? personal : identifiers).map(sameIdentifierKey));
    return this.known.find((person) => person.identifiers.some((identifier) => wanted.has(sameIdentifierKey(identifier))));
  }

  /**
   * The person a created record belongs to: the one sharing an identifier with it (who then also
   * gets the record's other identifiers), else a new subject with `newId`.
   */
  attach(identifiers: readonly Identifier[], newId: string): OraclePerson {
    const matched = this.match(identifiers);
    if (matched) {
      matched.identifiers = dedupe([...matched.identifiers, ...identifiers]);
      return matched;
    }
    const person: OraclePerson = { id: newId, role: "subject", identifiers: dedupe(identifiers) };
    this.known.push(person);
    return person;
  }

  /** More identifiers of a known person (an identity added to one of their records). */
  addIdentifiers(personId: string, identifiers: readonly Identifier[]): void {
    const person = this.find(personId);
    if (person) person.identifiers = dedupe([...person.identifiers, ...identifiers]);
  }

  private nextDeclaredId(): string {
    let id: string;
    do id = `declared-${++this.declaredCount}`;
    while (this.find(id));
    return id;
  }
}

export class PersonDirectoryError extends Error {}

/** One mailbox in any letter case is one identifier; phones and ids compare as written. */
export function sameIdentifierKey(identifier: Identifier): string {
  const value = identifier.kind === "email" ? identifier.value.trim().toLowerCase() : identifier.value.trim();
  return `${identifier.kind}:${identifier.system ?? ""}:${value}`;
}

function dedupe(identifiers: readonly Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => {
    const key = sameIdentifierKey(identifier);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
