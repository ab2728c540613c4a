import { getApiToken, getUser, type Database } from "@lethe/db";

/**
 * The role an actor (`user:<id>`, `api-token:<id>`, as the audit log names them) holds now, or null
 * when it no longer stands: the user was disabled or removed, the token revoked, expired or
 * removed. For grants that outlive the request that made them — an export download link is signed
 * for minutes, and must die with the token or account that minted it (issue 13).
 */
export async function actorStanding(database: Database, actor: string, now: Date): Promise<{ role: string } | null> {
  const [kind, id, ...rest] = actor.split(":");
  if (!id || rest.length > 0 || !uuidShape.test(id)) return null;
  if (kind === "user") {
    const user = await getUser(database.db, id);
    return user && !user.disabled ? { role: user.role } : null;
  }
  if (kind === "api-token") {
    const token = await getApiToken(database.db, id);
    if (!token || token.revokedAt !== null) return null;
    if (token.expiresAt !== null && token.expiresAt <= now) return null;
    return { role: token.role };
  }
  return null;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
