import { apiTokenListSchema, createdApiTokenSchema, meSchema, userListSchema, userResponseSchema } from "@lethe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldPaths, jsonHeaders, readBody, readError, signIn, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

const password = "a long enough passphrase";

function send(method: string, path: string, auth: { cookie: string } | string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { method, headers: jsonHeaders(auth), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function createUser(email: string, role: string): Promise<string> {
  const response = await send("POST", "/users", api.credentials.admin, { email, role, password });
  expect(response.status).toBe(201);
  return (await readBody(response, userResponseSchema)).user.id;
}

describe("users, as an admin manages them", () => {
  it("creates a user who signs in with the role given, and lists them", async () => {
    const response = await send("POST", "/users", api.credentials.admin, { email: "New.Person@Example.com", role: "compliance", password });
    expect(response.status).toBe(201);
    const { user } = await readBody(response, userResponseSchema);
    expect(user).toMatchObject({ email: "new.person@example.com", role: "compliance", disabled: false, lastLoginAt: null });
    expect(JSON.stringify(user)).not.toContain(password);

    const cookie = await signIn(api.url, "new.person@example.com", password);
    const me = await readBody(await send("GET", "/auth/me", { cookie }), meSchema);
    expect(me.role).toBe("compliance");
    expect(me.principal).toMatchObject({ kind: "session", user: { id: user.id } });
    expect((await send("POST", "/requests", { cookie }, { type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: "x@example.com" }] })).status).toBe(201);
    expect((await send("GET", "/users", { cookie })).status).toBe(403);

    const list = await readBody(await send("GET", "/users", api.credentials.admin), userListSchema);
    expect(list.users.find((listed) => listed.id === user.id)).toMatchObject({ role: "compliance", lastLoginAt: expect.any(String) });
  });

  it("refuses a second account for the same address, whatever its case, with a 409 envelope", async () => {
    await createUser("twice@example.com", "viewer");
    const again = await send("POST", "/users", api.credentials.admin, { email: "TWICE@example.com", role: "admin", password });
    expect(again.status).toBe(409);
    expect((await readError(again)).message).toMatch(/already exists/);
  });

  it("refuses a short password and a wrong role, naming each field", async () => {
    const short = await send("POST", "/users", api.credentials.admin, { email: "short@example.com", role: "viewer", password: "too short" });
    expect(short.status).toBe(400);
    const error = await readError(short);
    expect(error.code).toBe("validation_failed");
    expect(fieldPaths(error.details)).toEqual(["body.password"]);
    expect(JSON.stringify(error)).not.toContain("too short");

    const wrong = await readError(await send("POST", "/users", api.credentials.admin, { email: "not-an-email", role: "root", password }));
    expect(fieldPaths(wrong.details).sort()).toEqual(["body.email", "body.role"]);
    const patch = await send("PATCH", `/users/${await createUser("weak@example.com", "viewer")}`, api.credentials.admin, { password: "short" });
    expect(patch.status).toBe(400);
    expect(fieldPaths((await readError(patch)).details)).toEqual(["body.password"]);
  });

  it("applies a role change to the user's live session at once", async () => {
    const id = await createUser("promoted@example.com", "viewer");
    const cookie = await signIn(api.url, "promoted@example.com", password);
    expect((await send("GET", "/users", { cookie })).status).toBe(403);
    const changed = await send("PATCH", `/users/${id}`, api.credentials.admin, { role: "admin" });
    expect((await readBody(changed, userResponseSchema)).user.role).toBe("admin");
    expect((await send("GET", "/users", { cookie })).status).toBe(200);
    await send("PATCH", `/users/${id}`, api.credentials.admin, { role: "viewer" });
    expect((await send("GET", "/users", { cookie })).status).toBe(403);
  });

  it("ends a disabled user's sessions and refuses their sign-in until enabled again", async () => {
    const id = await createUser("leaver@example.com", "compliance");
    const cookie = await signIn(api.url, "leaver@example.com", password);
    expect((await send("GET", "/auth/me", { cookie })).status).toBe(200);
    expect((await readBody(await send("PATCH", `/users/${id}`, api.credentials.admin, { disabled: true }), userResponseSchema)).user.disabled).toBe(true);
    expect((await send("GET", "/auth/me", { cookie })).status).toBe(401);
    const login = await send("POST", "/auth/login", undefined, { email: "leaver@example.com", password });
    expect(login.status).toBe(401);
    expect((await readError(login)).code).toBe("invalid_credentials");
    await send("PATCH", `/users/${id}`, api.credentials.admin, { disabled: false });
    expect((await send("GET", "/auth/me", { cookie: await signIn(api.url, "leaver@example.com", password) })).status).toBe(200);
  });

  it("answers 404 for an unknown user", async () => {
    const response = await send("PATCH", "/users/00000000-0000-4000-8000-000000000000", api.credentials.admin, { role: "viewer" });
    expect(response.status).toBe(404);
    expect((await readError(response)).code).toBe("not_found");
  });
});

describe("API tokens, as an admin manages them", () => {
  it("shows a token's value once, never in the list, and lets it act with its role until revoked", async () => {
    const created = await send("POST", "/tokens", api.credentials.admin, { name: "filing robot", role: "compliance" });
    expect(created.status).toBe(201);
    const { token, apiToken } = await readBody(created, createdApiTokenSchema);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(apiToken).toMatchObject({ name: "filing robot", role: "compliance", revokedAt: null, lastUsedAt: null });

    const listText = await (await send("GET", "/tokens", api.credentials.admin)).text();
    const list = apiTokenListSchema.parse(JSON.parse(listText));
    expect(list.apiTokens.map((listed) => listed.id)).toContain(apiToken.id);
    expect(listText).not.toContain(token);

    const filed = await send("POST", "/requests", token, { type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "robot@example.com" }] });
    expect(filed.status).toBe(201);
    const me = await readBody(await send("GET", "/auth/me", token), meSchema);
    expect(me).toMatchObject({ role: "compliance", principal: { kind: "token", token: { id: apiToken.id, role: "compliance" } } });
    expect((await send("GET", "/tokens", token)).status).toBe(403);
    const used = apiTokenListSchema.parse(await (await send("GET", "/tokens", api.credentials.admin)).json());
    expect(used.apiTokens.find((listed) => listed.id === apiToken.id)?.lastUsedAt).not.toBeNull();

    expect((await send("DELETE", `/tokens/${apiToken.id}`, api.credentials.admin)).status).toBe(204);
    const refused = await send("GET", "/requests", token);
    expect(refused.status).toBe(401);
    expect((await readError(refused)).code).toBe("unauthenticated");
    const after = apiTokenListSchema.parse(await (await send("GET", "/tokens", api.credentials.admin)).json());
    expect(after.apiTokens.find((listed) => listed.id === apiToken.id)?.revokedAt).not.toBeNull();
  });

  it("refuses an expiry in the past and an empty name, naming the field", async () => {
    const past = await send("POST", "/tokens", api.credentials.admin, { name: "old", role: "viewer", expiresAt: "2020-01-01T00:00:00.000Z" });
    expect(past.status).toBe(400);
    expect(fieldPaths((await readError(past)).details)).toEqual(["body.expiresAt"]);
    const empty = await send("POST", "/tokens", api.credentials.admin, { name: "  ", role: "viewer" });
    expect(empty.status).toBe(400);
    expect(fieldPaths((await readError(empty)).details)).toEqual(["body.name"]);
  });

  it("answers 404 when revoking a token that does not exist", async () => {
    const response = await send("DELETE", "/tokens/00000000-0000-4000-8000-000000000000", api.credentials.admin);
    expect(response.status).toBe(404);
  });
});
