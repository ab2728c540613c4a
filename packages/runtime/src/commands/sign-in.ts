import { insertSession, updateUser, type Database, type UserRow } from "@lethe/db";
import { forgetUserSessions } from "./credential-cache";

/**
 * Opens a console session for a user whose password was checked, and notes the sign-in time.
 * Only the session id's hash is stored. Returns the user as it is now (null if it vanished).
 */
export async function signIn(
  database: Database,
  input: { userId: string; sessionIdHash: string; expiresAt: Date; now: Date },
): Promise<UserRow | null> {
  await insertSession(database.db, { idHash: input.sessionIdHash, userId: input.userId, expiresAt: input.expiresAt });
  const user = await updateUser(database.db, input.userId, { lastLoginAt: input.now });
  // The user's other sessions cached here show the previous sign-in time.
  forgetUserSessions(database, input.userId);
  return user;
}
