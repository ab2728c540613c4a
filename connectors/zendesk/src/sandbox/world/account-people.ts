import type { OraclePerson } from "@lethe/connector-sdk";
import { PersonDirectory, type PersonDeclaration } from "@lethe/sandbox-kit";
import { identifiersOf } from "./identifiers-of";
import type { IdentityRow, UserRow } from "./rows";

/**
 * Who the account's end users are, for the oracle: the seeded people (one user each, the person's
 * id being the user's), people declared through `POST /__sandbox/people`, and end users created
 * through the API — matched to a known person by a shared e-mail address or phone number, else a
 * new person whose id is the user's. Staff (agents, admins) are nobody's data subject.
 */
export class AccountPeople {
  private readonly directory: PersonDirectory;

  constructor(seeded: readonly OraclePerson[]) {
    this.directory = new PersonDirectory(seeded);
  }

  people(): OraclePerson[] {
    return this.directory.people();
  }

  find(personId: string): OraclePerson | undefined {
    return this.directory.find(personId);
  }

  declare(declaration: PersonDeclaration): OraclePerson {
    return this.directory.declare(declaration);
  }

  /** The users whose records are the person's (none yet for a declared person). */
  usersOf(personId: string): number[] {
    return this.directory.ownersOf(personId).map(Number);
  }

  userCreated(user: UserRow, identities: readonly IdentityRow[]): void {
    if (user.role !== "end-user") return;
    const own = identifiersOf(identities, user);
    this.directory.ownerCreated(String(user.id), own.filter((i) => i.kind !== "native_id"), own);
  }

  identityCreated(user: UserRow, identity: IdentityRow): void {
    const person = this.directory.personOf(String(user.id));
    if (!person) return this.userCreated(user, [identity]);
    this.directory.addIdentifiers(person.id, identifiersOf([identity], user));
  }
}
