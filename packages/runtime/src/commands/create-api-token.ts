import { insertApiToken, type ApiTokenRecord, type Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";

export interface NewApiToken {
  name: string;
  role: string;
  /** SHA-256 of the token's value: the value itself is shown to its creator once and never stored. */
  tokenHash: string;
  /** The first characters of the value, to recognise it in a list. */
  prefix: string;
  expiresAt: Date | null;
  actor: string;
}

/** Records an API token and audits it (`api_token.created`), in one transaction. */
export async function createApiToken(database: Database, input: NewApiToken): Promise<ApiTokenRecord> {
  return database.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      name: input.name,
      role: input.role,
      tokenHash: input.tokenHash,
      prefix: input.prefix,
      createdBy: input.actor,
      expiresAt: input.expiresAt,
    });
    await appendAudit(tx, { actor: input.actor, action: "api_token.created", payload: { tokenId: row.id, role: input.role } });
    return row;
  });
}
