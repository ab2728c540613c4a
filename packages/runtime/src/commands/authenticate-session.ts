import { findLiveSession, type Database, type UserRow } from "@lethe/db";
import { cacheLifetimeMs, credentialCaches } from "./credential-cache";

/**
 * The user behind a live console session (unexpired, user not disabled), by the SHA-256 of its
 * id; null otherwise. A successful check is reused for a few seconds (`credentialCacheTtlMs`,
 * never past the session's expiry); signing out and changing the user through this process
 * evict it at once.
 */
export async function authenticateSession(database: Database, sessionIdHash: string, now: Date): Promise<UserRow | null> {
  const { sessions } = credentialCaches(database);
  const cached = sessions.get(sessionIdHash);
  if (cached) return cached;
  const session = await findLiveSession(database.db, sessionIdHash, now);
  if (!session) return null;
  sessions.set(sessionIdHash, session.user, { ttl: cacheLifetimeMs(session.expiresAt, now) });
  return session.user;
}
