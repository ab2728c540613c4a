import { useApiToken } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken } from "./authenticate-api-token";
import { authenticateSession } from "./authenticate-session";
import { changeUser } from "./change-user";
import { createApiToken } from "./create-api-token";
import { createUser } from "./create-user";
import { cacheLifetimeMs, credentialCacheTtlMs } from "./credential-cache";
import { revokeApiToken } from "./revoke-api-token";
import { signIn } from "./sign-in";
import { signOut } from "./sign-out";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function lastUsedAt(tokenId: string): Promise<Date | null> {
  const [row] = await database.sql<Array<{ used: string | null }>>`select last_used_at::text as used from api_tokens where id = ${tokenId}`;
  return row?.used ? new Date(row.used) : null;
}

describe("cached credential checks", () => {
  it("reuse a token check for a few seconds, and a revocation through this process ends it at once", async () => {
    const token = await createApiToken(database, { name: "cached", role: "admin", tokenHash: "hash-cached", prefix: "lethe_c", expiresAt: null, actor: "test" });
    const now = new Date();
    expect((await authenticateApiToken(database, "hash-cached", now))?.id).toBe(token.id);
    // Revoked behind this process's back (another process, or by hand): the cached check still
    // answers until it ages out — the delay credentialCacheTtlMs documents.
    await database.sql`update api_tokens set revoked_at = now() where id = ${token.id}`;
    expect((await authenticateApiToken(database, "hash-cached", now))?.id).toBe(token.id);
    await database.sql`update api_tokens set revoked_at = null where id = ${token.id}`;

    expect(await revokeApiToken(database, { tokenId: token.id, actor: "test" })).toBe(true);
    expect(await authenticateApiToken(database, "hash-cached", now)).toBeNull();
  });

  it("never answer for a token past its expiry, cached or not", async () => {
    const now = new Date();
    await createApiToken(database, { name: "short", role: "viewer", tokenHash: "hash-short", prefix: "lethe_s", expiresAt: new Date(now.getTime() + 2_000), actor: "test" });
    expect(await authenticateApiToken(database, "hash-short", now)).not.toBeNull();
    expect(await authenticateApiToken(database, "hash-short", new Date(now.getTime() + 2_001))).toBeNull();
    expect(cacheLifetimeMs(new Date(now.getTime() + 2_000), now)).toBe(2_000);
    expect(cacheLifetimeMs(null, now)).toBe(credentialCacheTtlMs);
  });

  it("write last_used_at at most once a minute per token", async () => {
    const token = await createApiToken(database, { name: "busy", role: "viewer", tokenHash: "hash-busy", prefix: "lethe_b", expiresAt: null, actor: "test" });
    const first = new Date("2030-01-01T00:00:00.000Z");
    expect((await useApiToken(database.db, "hash-busy", first))?.lastUsedAt).toEqual(first);
    expect(await lastUsedAt(token.id)).toEqual(first);
    expect((await useApiToken(database.db, "hash-busy", new Date(first.getTime() + 59_000)))?.lastUsedAt).toEqual(first);
    expect(await lastUsedAt(token.id)).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    expect((await useApiToken(database.db, "hash-busy", later))?.lastUsedAt).toEqual(later);
    expect(await lastUsedAt(token.id)).toEqual(later);
  });

  it("reuse a session check, and drop it when the user changes or signs out", async () => {
    const user = await createUser(database, { email: "cache@example.com", role: "viewer", passwordHash: "x", actor: "test" });
    const now = new Date();
    await signIn(database, { userId: user.id, sessionIdHash: "session-cached", expiresAt: new Date(now.getTime() + 3_600_000), now });
    expect((await authenticateSession(database, "session-cached", now))?.role).toBe("viewer");

    await changeUser(database, { userId: user.id, role: "admin", actor: "test" });
    expect((await authenticateSession(database, "session-cached", now))?.role).toBe("admin");

    await changeUser(database, { userId: user.id, disabled: true, actor: "test" });
    expect(await authenticateSession(database, "session-cached", now)).toBeNull();

    await changeUser(database, { userId: user.id, disabled: false, actor: "test" });
    await signIn(database, { userId: user.id, sessionIdHash: "session-2", expiresAt: new Date(now.getTime() + 3_600_000), now });
    expect(await authenticateSession(database, "session-2", now)).not.toBeNull();
    await signOut(database, "session-2");
    expect(await authenticateSession(database, "session-2", now)).toBeNull();
  });
});
