import { Faker, en } from "@faker-js/faker";
import { personDeclarationSchema, SandboxWorldError, worldPath } from "@lethe/sandbox-kit";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";
import { createIdentity, createTicket, createUser, identityInput, ticketInput, userInput } from "./new-records";
import type { SeededWorld } from "./rows";
import { WorldBuilder } from "./world-builder";

/**
 * A fixture world for `lethe sandbox start zendesk --world <file.json>` (API.md, "Fixture
 * worlds"): the people the oracle should know (`POST /__sandbox/people` declarations), then users
 * and tickets in the very shapes of `POST /api/v2/users` and `POST /api/v2/tickets` — a ticket
 * names its requester and CCs by e-mail (`requester: {email}`, `email_ccs: [{user_email}]`), as
 * ids are not known before the users exist — and further identities by the user's e-mail.
 */
export const zendeskWorldSchema = z.strictObject({
  people: z.array(personDeclarationSchema).default([]),
  users: z.array(userInput).default([]),
  identities: z.array(z.strictObject({ user_email: z.string().min(1), identity: identityInput })).default([]),
  tickets: z.array(ticketInput).default([]),
});

export type ZendeskWorld = z.output<typeof zendeskWorldSchema>;

/** The account a fixture starts from: its owner (whose token the sandbox accepts) and nobody else. */
export function emptyAccount(seed: number): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return new WorldBuilder(faker, seed).world();
}

/** Creates the fixture's records through the same code as the API; every refusal names its path. */
export function loadFixture(state: SandboxState, world: ZendeskWorld, acting: number): void {
  const problems: string[] = [];
  const refused = (path: (string | number)[], details: Record<string, { description: string }[]>) => {
    for (const [field, errors] of Object.entries(details)) for (const error of errors) problems.push(`${worldPath([...path, field])}: ${error.description}`);
  };
  world.people.forEach((declaration, index) => {
    try {
      state.declarePerson(declaration);
    } catch (error) {
      problems.push(`${worldPath(["people", index])}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  world.users.forEach((user, index) => {
    const made = createUser(state, user);
    if ("errors" in made) refused(["users", index], made.errors);
  });
  world.identities.forEach(({ user_email, identity }, index) => {
    const owner = state.store.identityOwner("email", user_email);
    if (owner === undefined) return void problems.push(`${worldPath(["identities", index, "user_email"])}: no user has this e-mail address`);
    const made = createIdentity(state, owner, identity);
    if ("errors" in made) refused(["identities", index, "identity"], made.errors);
  });
  world.tickets.forEach((ticket, index) => {
    const made = createTicket(state, ticket, acting);
    if ("errors" in made) refused(["tickets", index], made.errors);
  });
  if (problems.length > 0) throw new SandboxWorldError(problems);
}
