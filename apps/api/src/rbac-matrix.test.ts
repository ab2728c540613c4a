import { apiRoutes, createdApiTokenSchema, roleAllows, routeUrl, type ApiRoute, type Role } from "@lethe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, readError, signIn, startApiHarness, testPassword, type ApiHarness } from "../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

const someId = "00000000-0000-4000-8000-000000000000";
const routes = Object.entries(apiRoutes) as Array<[string, ApiRoute]>;

function call(route: ApiRoute, auth: { cookie: string } | string | undefined): Promise<Response> {
  const url = api.url + routeUrl(route.path, { id: someId, connectorId: "reference", token: "x.y" });
  return fetch(url, { method: route.method.toUpperCase(), headers: jsonHeaders(auth), ...(route.method === "post" || route.method === "patch" ? { body: "{}" } : {}) });
}

describe("RBAC matrix over every route of the table", () => {
  it("refuses every non-public route to an anonymous caller with 401", async () => {
    for (const [operationId, route] of routes) {
      if (route.access === "public") continue;
      const response = await call(route, undefined);
      expect(response.status, operationId).toBe(401);
      expect((await readError(response)).code, operationId).toMatch(/unauthenticated|invalid_download_link/);
    }
  });

  it("answers each role and token 403 exactly where the role lacks the route's permission", async () => {
    const callers: Array<[string, Role, { cookie: string } | string]> = [
      ["admin session", "admin", api.credentials.admin],
      ["compliance session", "compliance", api.credentials.compliance],
      ["viewer session", "viewer", api.credentials.viewer],
      ["admin token", "admin", api.credentials.adminToken],
      ["viewer token", "viewer", api.credentials.viewerToken],
    ];
    for (const [operationId, route] of routes) {
      if (route.access === "public" || route.access === "signed-link" || operationId === "postLogout") continue;
      for (const [who, role, auth] of callers) {
        const status = (await call(route, auth)).status;
        const allowed = route.access === "authenticated" || roleAllows(role, route.access);
        if (allowed) expect([401, 403], `${operationId} as ${who}`).not.toContain(status);
        else expect(status, `${operationId} as ${who}`).toBe(403);
        expect(status, `${operationId} as ${who}`).toBeLessThan(500);
      }
    }
  });

  it("refuses an unknown or revoked bearer token with 401", async () => {
    expect((await call(apiRoutes.getRequests, "lethe_not-a-real-token")).status).toBe(401);
    const created = await fetch(`${api.url}/api/v1/tokens`, {
      method: "POST",
      headers: jsonHeaders(api.credentials.admin),
      body: JSON.stringify({ name: "short-lived", role: "viewer" }),
    });
    const { token, apiToken } = await readBody(created, createdApiTokenSchema);
    expect((await call(apiRoutes.getRequests, token)).status).toBe(200);
    await fetch(`${api.url}/api/v1/tokens/${apiToken.id}`, { method: "DELETE", headers: jsonHeaders(api.credentials.admin) });
    expect((await call(apiRoutes.getRequests, token)).status).toBe(401);
  });

  it("ends a session at logout", async () => {
    const cookie = await signIn(api.url, "viewer@example.com", testPassword);
    expect((await call(apiRoutes.getMe, { cookie })).status).toBe(200);
    expect((await fetch(`${api.url}/api/v1/auth/logout`, { method: "POST", headers: jsonHeaders({ cookie }) })).status).toBe(204);
    expect((await call(apiRoutes.getMe, { cookie })).status).toBe(401);
  });
});
