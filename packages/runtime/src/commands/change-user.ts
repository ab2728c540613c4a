import { deleteUserSessions, updateUser, type Database, type UserRow } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { forgetUserSessions } from "./credential-cache";

export interface UserChange {
  userId: string;
  role?: string | undefined;
  disabled?: boolean | undefined;
  /** Already hashed by the caller (scrypt). */
  passwordHash?: string | undefined;
  actor: string;
}

/**
 * Changes a user's role, disabled flag or password and audits it (`user.updated`, naming the
 * fields changed, never their values). Disabling a user or changing their password ends their
 * sessions. Null when there is no such user (nothing is written then).
 */
export async function changeUser(database: Database, change: UserChange): Promise<UserRow | null> {
  const changed = [
    ...(change.role !== undefined ? ["role"] : []),
    ...(change.disabled !== undefined ? ["disabled"] : []),
    ...(change.passwordHash !== undefined ? ["password"] : []),
  ];
  const updated = await database.db.transaction(async (tx) => {
    const row = await updateUser(tx, change.userId, {
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.passwordHash !== undefined ? { passwordHash: change.passwordHash } : {}),
    });
    if (!row) return null;
    if (change.disabled === true || change.passwordHash !== undefined) await deleteUserSessions(tx, change.userId);
    await appendAudit(tx, { actor: change.actor, action: "user.updated", payload: { userId: change.userId, changed } });
    return row;
  });
  // Cached session checks hold the user as it was (role, disabled): drop them after commit.
  forgetUserSessions(database, change.userId);
  return updated;
}
