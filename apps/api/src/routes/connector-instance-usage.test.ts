import sandbox from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { connectorInstanceListSchema, connectorInstanceResponseSchema } from "@lethe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, startApiHarness, type ApiHarness } from "../../test/api-harness";

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

async function configure(name: string): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/connector-instances`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.admin),
    body: JSON.stringify({ connectorId: "reference", name, settings: crm.settings, secrets: crm.credentials }),
  });
  return (await readBody(response, connectorInstanceResponseSchema)).connectorInstance.id;
}

async function fileRequestRow(): Promise<string> {
  const [row] = await api.database.sql<Array<{ id: string }>>`
    insert into requests (type, regime, status, received_at, due_at, time_zone)
    values ('erasure', 'gdpr', 'executing', now(), now() + interval '30 days', 'UTC') returning id`;
  if (!row) throw new Error("no request row");
  return row.id;
}

async function task(requestId: string, instanceId: string, phase: string, status: string, at: string, lastError: string | null): Promise<void> {
  await api.database.sql`
    insert into request_tasks (request_id, instance_id, connector_id, connector_version, phase, status, last_error, updated_at)
    values (${requestId}, ${instanceId}, 'reference', '0.1.0', ${phase}, ${status}, ${lastError}, ${at})`;
}

describe("a connection's last real use", () => {
  it("is the latest task that finished, failed or hit an error on it, never a task still waiting untouched", async () => {
    const [unused, working, failing] = [await configure("crm-unused"), await configure("crm-working"), await configure("crm-failing")];
    const request = await fileRequestRow();
    await task(request, working, "locate", "done", "2026-12-01T10:00:00Z", null);
    await task(request, working, "erase", "pending", "2026-12-01T11:00:00Z", null);
    await task(request, failing, "locate", "done", "2026-12-01T10:00:00Z", null);
    await task(request, failing, "erase", "failed", "2026-12-01T12:00:00Z", "auth: the vendor refused the token. Re-enter the API token.");
    await task(request, unused, "locate", "pending", "2026-12-01T09:00:00Z", null);

    const listed = await readBody(await fetch(`${api.url}/api/v1/connector-instances`, { headers: jsonHeaders(api.credentials.viewer) }), connectorInstanceListSchema);
    const byName = new Map(listed.connectorInstances.map((instance) => [instance.name, instance]));
    expect(byName.get("crm-unused")).toMatchObject({ lastUsedAt: null, lastOutcome: null, lastError: null });
    expect(byName.get("crm-working")).toMatchObject({ lastUsedAt: "2026-12-01T10:00:00.000Z", lastOutcome: "ok", lastError: null });
    expect(byName.get("crm-failing")).toMatchObject({
      lastUsedAt: "2026-12-01T12:00:00.000Z",
      lastOutcome: "failed",
      lastError: "auth: the vendor refused the token. Re-enter the API token.",
    });

    await task(request, working, "export", "running", "2026-12-01T13:00:00Z", "transient: the vendor timed out");
    const one = await readBody(
      await fetch(`${api.url}/api/v1/connector-instances/${working}`, { headers: jsonHeaders(api.credentials.viewer) }),
      connectorInstanceResponseSchema,
    );
    expect(one.connectorInstance).toMatchObject({ lastOutcome: "retrying", lastError: "transient: the vendor timed out" });
  });
});
