import { useApiToken, type ApiTokenRecord, type Database } from "@lethe/db";
import { cacheLifetimeMs, credentialCaches } from "./credential-cache";

/**
 * The live token (neither revoked nor expired) with this SHA-256; null otherwise. A successful
 * check is reused for a few seconds (`credentialCacheTtlMs`, never past the token's expiry), so
 * most API calls cost no query for authentication; `last_used_at` is written at most once a minute.
 */
export async function authenticateApiToken(database: Database, tokenHash: string, now: Date): Promise<ApiTokenRecord | null> {
  const { tokens } = credentialCaches(database);
  const cached = tokens.get(tokenHash);
  if (cached && (cached.expiresAt === null || cached.expiresAt > now)) return cached;
  const token = await useApiToken(database.db, tokenHash, now);
  if (token) tokens.set(tokenHash, token, { ttl: cacheLifetimeMs(token.expiresAt, now) });
  return token;
}
