import { asc, eq } from "drizzle-orm";
import { users } from "../schema";
import type { Executor } from "./executor";

export type UserRow = typeof users.$inferSelect;

export class DuplicateUserError extends Error {
  constructor() {
    super("a user with this e-mail address already exists");
    this.name = "DuplicateUserError";
  }
}

/** Inserts a user; the e-mail is lower-cased (one account per address). */
export async function insertUser(
  tx: Executor,
  input: { email: string; role: string; passwordHash: string },
): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({ email: input.email.toLowerCase(), role: input.role, passwordHash: input.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new DuplicateUserError();
  return row;
}

export async function getUser(tx: Executor, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(tx: Executor, email: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function listUsers(tx: Executor): Promise<UserRow[]> {
  return tx.select().from(users).orderBy(asc(users.email));
}

export async function countUsers(tx: Executor): Promise<number> {
  const rows = await tx.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

export async function updateUser(
  tx: Executor,
  id: string,
  changes: { role?: string; disabled?: boolean; passwordHash?: string; lastLoginAt?: Date },
): Promise<UserRow | null> {
  const [row] = await tx
    .update(users)
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(changes.passwordHash !== undefined ? { passwordHash: changes.passwordHash } : {}),
      ...(changes.lastLoginAt !== undefined ? { lastLoginAt: changes.lastLoginAt } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}
