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
  return (await findLiveSession(tx, idHash, now))?.user ?? null;
}

/** A live session (unexpired, its user not disabled): the user and when the session expires. */
export async function findLiveSession(tx: Executor, idHash: string, now: Date): Promise<{ user: UserRow; expiresAt: Date } | null> {
  const [row] = await tx
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row ?? null;
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
