import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { apiTokens } from "../schema";
import type { Executor } from "./executor";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
/** A token row as every reader sees it: without its hash. */
export type ApiTokenRecord = Omit<ApiTokenRow, "tokenHash">;

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken(
  tx: Executor,
  input: { name: string; role: string; tokenHash: string; prefix: string; createdBy: string; expiresAt: Date | null },
): Promise<ApiTokenRecord> {
  const [row] = await tx.insert(apiTokens).values(input).returning(publicColumns);
  if (!row) throw new Error("inserting an API token returned no row");
  return row;
}

/** How stale `last_used_at` may get before a use writes it again: at most one UPDATE a minute per token. */
export const apiTokenUseResolutionMs = 60_000;

/**
 * A token that is neither revoked nor expired, by the hash of its value; marks it used. The mark
 * is written only when the stored one is older than `apiTokenUseResolutionMs`, so a busy token
 * costs one SELECT per check rather than an UPDATE (and a row version) per request.
 */
export async function useApiToken(tx: Executor, tokenHash: string, now: Date): Promise<ApiTokenRecord | null> {
  const [row] = await tx
    .select(publicColumns)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return null;
  const staleBefore = new Date(now.getTime() - apiTokenUseResolutionMs);
  if (row.lastUsedAt !== null && row.lastUsedAt >= staleBefore) return row;
  await tx
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  return { ...row, lastUsedAt: now };
}

export async function listApiTokens(tx: Executor): Promise<ApiTokenRecord[]> {
  return tx.select(publicColumns).from(apiTokens).orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token; false when there is no such token. Revoking twice keeps the first time. */
export async function revokeApiToken(tx: Executor, id: string, now: Date): Promise<boolean> {
  const [existing] = await tx.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id));
  if (!existing) return false;
  if (existing.revokedAt === null) await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
  return true;
}

/** A token by id, revoked and expired ones included (the caller judges its standing). */
export async function getApiToken(tx: Executor, id: string): Promise<ApiTokenRecord | null> {
  const [row] = await tx.select(publicColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}
