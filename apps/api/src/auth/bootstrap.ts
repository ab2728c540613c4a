import type { Role } from "@lethe/contracts";
import { countUsers, createApiToken, createUser, type Database } from "@lethe/runtime";
import { defaultPasswordHashCost, hashPassword, type PasswordHashCost } from "./password-hashing";
import { newApiToken, tokenHash } from "./secret-tokens";

/** Whether anyone can sign in yet (the first-run bootstrap is needed while not). */
export async function hasAnyUser(database: Database): Promise<boolean> {
  return (await countUsers(database.db)) > 0;
}

/** Creates a console user (the CLI's `lethe user create`, the bootstrap admin). Audited. */
export async function createLocalUser(
  database: Database,
  input: { email: string; role: Role; password: string; actor: string },
  cost: PasswordHashCost = defaultPasswordHashCost,
): Promise<{ id: string; email: string; role: Role }> {
  const passwordHash = await hashPassword(input.password, cost);
  const row = await createUser(database, { email: input.email, role: input.role, passwordHash, actor: input.actor });
  return { id: row.id, email: row.email, role: input.role };
}

/** Creates an API token (the CLI's `lethe token create`); the value is returned once. */
export async function createApiTokenFor(
  database: Database,
  input: { name: string; role: Role; expiresAt: Date | null; actor: string },
): Promise<{ id: string; token: string }> {
  const { token, prefix } = newApiToken();
  const row = await createApiToken(database, {
    name: input.name,
    role: input.role,
    tokenHash: tokenHash(token),
    prefix,
    expiresAt: input.expiresAt,
    actor: input.actor,
  });
  return { id: row.id, token };
}
