import { DuplicateUserError, findSessionUser, readAuditLog as readSealedAuditLog } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAuditLog } from "../audit/seal-audit-log";
import { verifyAuditLog } from "../audit-verification";
import { authenticateApiToken } from "./authenticate-api-token";
import { changeUser } from "./change-user";
import { createApiToken } from "./create-api-token";
import { createUser } from "./create-user";
import { forgetLoginFailures, takeLoginAttempt } from "./login-throttle";
import { recordExportDownload } from "./record-export-download";
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

async function lastAudit() {
  return (await sealedAuditLog(database)).at(-1);
}

describe("the account commands the API calls", () => {
  it("creates a user with its audit entry, and writes nothing for a taken e-mail", async () => {
    const user = await createUser(database, { email: "ada@example.com", role: "viewer", passwordHash: "x", actor: "cli" });
    expect(await lastAudit()).toMatchObject({ actor: "cli", action: "user.created", payload: { userId: user.id, role: "viewer" } });
    const before = (await sealedAuditLog(database)).length;
    await expect(createUser(database, { email: "ada@example.com", role: "admin", passwordHash: "y", actor: "cli" })).rejects.toBeInstanceOf(
      DuplicateUserError,
    );
    expect(await sealedAuditLog(database)).toHaveLength(before);
  });

  it("changes a user, naming the fields changed, and ends their sessions when the password changes", async () => {
    const user = await createUser(database, { email: "grace@example.com", role: "viewer", passwordHash: "x", actor: "cli" });
    const now = new Date();
    await signIn(database, { userId: user.id, sessionIdHash: "session-1", expiresAt: new Date(now.getTime() + 60_000), now });
    expect((await findSessionUser(database.db, "session-1", now))?.lastLoginAt?.getTime()).toBe(now.getTime());

    await changeUser(database, { userId: user.id, role: "admin", actor: "user:ada" });
    expect(await lastAudit()).toMatchObject({ action: "user.updated", payload: { userId: user.id, changed: ["role"] } });
    expect(await findSessionUser(database.db, "session-1", now)).not.toBeNull();

    const changed = await changeUser(database, { userId: user.id, disabled: false, passwordHash: "z", actor: "user:ada" });
    expect(changed?.passwordHash).toBe("z");
    expect(await lastAudit()).toMatchObject({ payload: { userId: user.id, changed: ["disabled", "password"] } });
    expect(await findSessionUser(database.db, "session-1", now)).toBeNull();

    expect(await changeUser(database, { userId: "00000000-0000-4000-8000-000000000000", role: "admin", actor: "user:ada" })).toBeNull();
    expect(await lastAudit()).toMatchObject({ payload: { userId: user.id } });
  });

  it("signs a session out", async () => {
    const user = await createUser(database, { email: "linus@example.com", role: "viewer", passwordHash: "x", actor: "cli" });
    const now = new Date();
    await signIn(database, { userId: user.id, sessionIdHash: "session-2", expiresAt: new Date(now.getTime() + 60_000), now });
    await signOut(database, "session-2");
    expect(await findSessionUser(database.db, "session-2", now)).toBeNull();
  });

  it("creates, uses and revokes an API token, auditing creation and revocation only", async () => {
    const token = await createApiToken(database, { name: "ci", role: "admin", tokenHash: "hash-1", prefix: "lethe_abc", expiresAt: null, actor: "cli" });
    expect(await lastAudit()).toMatchObject({ action: "api_token.created", payload: { tokenId: token.id, role: "admin" } });
    expect((await authenticateApiToken(database, "hash-1", new Date()))?.id).toBe(token.id);

    expect(await revokeApiToken(database, { tokenId: token.id, actor: "user:ada" })).toBe(true);
    expect(await lastAudit()).toMatchObject({ actor: "user:ada", action: "api_token.revoked", payload: { tokenId: token.id } });
    expect(await authenticateApiToken(database, "hash-1", new Date())).toBeNull();

    const before = (await sealedAuditLog(database)).length;
    expect(await revokeApiToken(database, { tokenId: "00000000-0000-4000-8000-000000000000", actor: "user:ada" })).toBe(false);
    expect(await sealedAuditLog(database)).toHaveLength(before);
  });

  it("audits an export download against its request", async () => {
    const [request] = await database.sql<Array<{ id: string }>>`
      insert into requests (type, regime, status, received_at, due_at, time_zone)
      values ('access', 'gdpr', 'completed', now(), now(), 'UTC') returning id`;
    await recordExportDownload(database, { requestId: request?.id ?? "", sha256: "abc", actor: "user:ada" });
    expect(await lastAudit()).toMatchObject({ action: "export.downloaded", requestId: request?.id, payload: { sha256: "abc" } });
  });

  it("locks sign-ins after five failures for an account, and forgets them after a success", async () => {
    const keys = { account: "account-hash", address: "address-hash" };
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await takeLoginAttempt(database, keys, now)).toEqual({ allowed: true });
    expect(await takeLoginAttempt(database, keys, now)).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 15 * 60_000) });
    await forgetLoginFailures(database, keys);
    expect(await takeLoginAttempt(database, keys, now)).toEqual({ allowed: true });
  });

  it("lets exactly five of twenty parallel attempts on one account through", async () => {
    const keys = { account: "raced-account", address: "raced-address" };
    const now = new Date();
    const answers = await Promise.all(Array.from({ length: 20 }, () => takeLoginAttempt(database, keys, now)));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(5);
  });

  it("keeps refusing during a lock even after the counting window has passed", async () => {
    const keys = { account: "late-account", address: "late-address" };
    const start = new Date("2026-01-01T10:00:00Z");
    for (let attempt = 0; attempt < 4; attempt += 1) await takeLoginAttempt(database, keys, start);
    const fifth = new Date(start.getTime() + 14 * 60_000);
    expect(await takeLoginAttempt(database, keys, fifth)).toEqual({ allowed: true });
    const afterWindow = new Date(start.getTime() + 16 * 60_000);
    expect(await takeLoginAttempt(database, keys, afterWindow)).toEqual({ allowed: false, retryAt: new Date(fifth.getTime() + 15 * 60_000) });
    const afterLock = new Date(fifth.getTime() + 15 * 60_000 + 1);
    expect(await takeLoginAttempt(database, keys, afterLock)).toEqual({ allowed: true });
  });

  it("leaves a chain that verifies", async () => {
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true });
  });
});

/** The audit chain as it stands once every committed entry is sealed (appends are sealed after commit). */
async function sealedAuditLog(database: TestDatabase) {
  await sealAuditLog(database.db);
  return readSealedAuditLog(database.db);
}
