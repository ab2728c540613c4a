import { apiRoutes, connectionTestResultSchema, connectorInstanceResponseSchema, routeUrl, type ApiRoute } from "@lethe/contracts";
import sandbox from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, startApiHarness, type ApiHarness } from "../test/api-harness";

let api: ApiHarness;
let crm: RunningSandbox;
beforeAll(async () => {
  api = await startApiHarness();
  crm = await sandbox.start({ seed: 1 });
});
afterAll(async () => {
  await api.close();
  await crm.stop();
});

describe("connector secrets", () => {
  it("appear in no GET response after instances are configured, tested and changed", async () => {
    const secretValues = ["sk-first-SECRET-4f1d9a77", "sk-second-SECRET-0b2c8e13", "sk-rotated-SECRET-9d0a6b42"];
    const admin = jsonHeaders(api.credentials.admin);
    const instanceIds: string[] = [];
    for (const [index, value] of secretValues.slice(0, 2).entries()) {
      const response = await fetch(`${api.url}/api/v1/connector-instances`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({
          connectorId: "reference",
          name: `crm-${index}`,
          settings: crm.settings,
          secrets: { apiToken: value },
        }),
      });
      expect(response.status).toBe(201);
      const body = await readBody(response, connectorInstanceResponseSchema);
      expect(JSON.stringify(body)).not.toContain(value);
      instanceIds.push(body.connectorInstance.id);
    }
    const patched = await fetch(`${api.url}/api/v1/connector-instances/${instanceIds[0]}`, {
      method: "PATCH",
      headers: admin,
      body: JSON.stringify({ secrets: { apiToken: secretValues[2] } }),
    });
    expect(JSON.stringify(await readBody(patched, connectorInstanceResponseSchema))).not.toContain(secretValues[2]);
    const tested = await fetch(`${api.url}/api/v1/connector-instances/${instanceIds[1]}/test`, { method: "POST", headers: admin });
    const result = await readBody(tested, connectionTestResultSchema);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secretValues[1]);

    const bodies: string[] = [];
    for (const route of Object.values(apiRoutes) as ApiRoute[]) {
      if (route.method !== "get" || route.access === "signed-link") continue;
      const ids = route.path.includes(":id") ? instanceIds : [""];
      for (const id of ids) {
        const response = await fetch(api.url + routeUrl(route.path, { id, connectorId: "reference" }), { headers: admin });
        bodies.push(await response.text());
      }
    }
    const everything = bodies.join("\n");
    expect(everything).toContain("secretsConfigured");
    for (const value of secretValues) expect(everything).not.toContain(value);
  });
});
