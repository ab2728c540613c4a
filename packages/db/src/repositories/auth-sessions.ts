import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "../schema";
import type { Executor } from "./executor";
import type { UserRow } from "./auth-users";

export async function insertSession(
  tx: Executor,
  input: { idHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(sessions).values(input);
}

/** The user behind a live session: unexpired, and the user not disabled. */
export async function findSessionUser(tx: Executor, idHash: string, now: Date): Promise<UserRow | null> {
  const [row] = await tx
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row?.user ?? null;
}

export async function deleteSession(tx: Executor, idHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user (disabled, password changed). */
export async function deleteUserSessions(tx: Executor, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(tx: Executor, now: Date): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
}
