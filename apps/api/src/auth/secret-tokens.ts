import { createHash, randomBytes } from "node:crypto";

/** A random value for a cookie or an API token; 32 bytes is beyond guessing. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What is stored for a session id or an API token: its SHA-256. The values are random and long,
 * so a fast hash suffices (no password-style stretching needed) and lookups stay one index probe.
 */
export function tokenHash(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export const apiTokenPrefix = "lethe_";

export function newApiToken(): { token: string; prefix: string } {
  const token = `${apiTokenPrefix}${randomToken()}`;
  return { token, prefix: token.slice(0, apiTokenPrefix.length + 6) };
}
