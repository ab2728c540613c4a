import { revokeApiToken as markApiTokenRevoked, type Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";

/**
 * Revokes an API token at once and audits it (`api_token.revoked`); the row stays as a record.
 * False when there is no such token (nothing is audited then).
 */
export async function revokeApiToken(database: Database, input: { tokenId: string; actor: string }): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const revoked = await markApiTokenRevoked(tx, input.tokenId, new Date());
    if (revoked) await appendAudit(tx, { actor: input.actor, action: "api_token.revoked", payload: { tokenId: input.tokenId } });
    return revoked;
  });
}
