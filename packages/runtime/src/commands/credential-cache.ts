import type { ApiTokenRecord, Database, UserRow } from "@lethe/db";
import { LRUCache } from "lru-cache";

/**
 * How long this process reuses a successful token or session check without asking the database.
 * It bounds how late a revocation made by another process (the CLI, a second API server) or
 * directly in the database takes effect here; revocations through this process's own commands
 * evict at once.
 */
export const credentialCacheTtlMs = 5_000;

/** Distinct live credentials kept per database; beyond it the least recently used are dropped. */
const maxEntries = 10_000;

interface CredentialCaches {
  /** By the SHA-256 of the token's value, never the value itself. */
  tokens: LRUCache<string, ApiTokenRecord>;
  /** By the SHA-256 of the session id. */
  sessions: LRUCache<string, UserRow>;
}

// Per open database, so that two databases in one process (tests) never share answers.
const caches = new WeakMap<Database, CredentialCaches>();

/** This process's cache of successful credential checks against `database`. Only hits are kept. */
export function credentialCaches(database: Database): CredentialCaches {
  let found = caches.get(database);
  if (!found) {
    found = {
      tokens: new LRUCache({ max: maxEntries, ttl: credentialCacheTtlMs }),
      sessions: new LRUCache({ max: maxEntries, ttl: credentialCacheTtlMs }),
    };
    caches.set(database, found);
  }
  return found;
}

/** How long an answer may be kept: the cache's TTL, but never past the credential's own expiry. */
export function cacheLifetimeMs(expiresAt: Date | null, now: Date): number {
  if (expiresAt === null) return credentialCacheTtlMs;
  return Math.max(0, Math.min(credentialCacheTtlMs, expiresAt.getTime() - now.getTime()));
}

/** Drops a revoked token's cached check. */
export function forgetApiToken(database: Database, tokenId: string): void {
  const { tokens } = credentialCaches(database);
  for (const [hash, token] of tokens.entries()) if (token.id === tokenId) tokens.delete(hash);
}

/** Drops the cached checks of every session of a user whose standing changed (role, disabled, password). */
export function forgetUserSessions(database: Database, userId: string): void {
  const { sessions } = credentialCaches(database);
  for (const [hash, user] of sessions.entries()) if (user.id === userId) sessions.delete(hash);
}
