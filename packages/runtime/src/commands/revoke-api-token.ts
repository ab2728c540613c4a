import { revokeApiToken as markApiTokenRevoked, type Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { forgetApiToken } from "./credential-cache";

/**
 * Revokes an API token at once and audits it (`api_token.revoked`); the row stays as a record.
 * False when there is no such token (nothing is audited then). This process stops accepting it
 * at once; others within their credential cache's lifetime (`credentialCacheTtlMs`).
 */
export async function revokeApiToken(database: Database, input: { tokenId: string; actor: string }): Promise<boolean> {
  const revoked = await database.db.transaction(async (tx) => {
    const found = await markApiTokenRevoked(tx, input.tokenId, new Date());
    if (found) await appendAudit(tx, { actor: input.actor, action: "api_token.revoked", payload: { tokenId: input.tokenId } });
    return found;
  });
  // After commit: a check evicted earlier could cache the token again from the old row.
  forgetApiToken(database, input.tokenId);
  return revoked;
}
