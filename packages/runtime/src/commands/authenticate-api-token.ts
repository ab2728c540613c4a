import { useApiToken, type ApiTokenRecord, type Database } from "@lethe/db";

/** The live token (neither revoked nor expired) with this SHA-256, marked as used now; null otherwise. */
export async function authenticateApiToken(database: Database, tokenHash: string, now: Date): Promise<ApiTokenRecord | null> {
  return useApiToken(database.db, tokenHash, now);
}
