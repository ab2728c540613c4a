import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { sandbox as referenceSandbox } from "@lethe/connector-reference/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { dataInventorySchema, inventoryScanSchema, type InventoryScan } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, loopbackAllowList, startWorker } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../test/api-harness";

/*
 * The data inventory routes against the reference sandbox: the declarations per system, a
 * discovery scan run by a real worker, the counts it stored, and the CSV export.
 */

const registry = createConnectorRegistry([referenceConnector]);
const secretBox = createSecretBox(Buffer.alloc(32, 7));
let api: ApiHarness;
let running: RunningSandbox;
let instanceId: string;
let exportDirectory: string;

beforeAll(async () => {
  running = await referenceSandbox.start({ seed: 5, rateLimitPerMinute: 1_000_000 });
  api = await startApiHarness({ registry, secretBox });
  exportDirectory = await mkdtemp(join(tmpdir(), "lethe-api-inventory-"));
  instanceId = (
    await createConnectorInstance(
      api.database,
      { registry, secretBox },
      { connectorId: "reference", name: "Customer CRM", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
    )
  ).id;
});
afterAll(async () => {
  await api.close();
  await running.stop();
  await rm(exportDirectory, { recursive: true, force: true });
});

function send(method: string, path: string, auth: { cookie: string } | string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { method, headers: jsonHeaders(auth), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function scanToEnd(): Promise<InventoryScan> {
  const worker = await startWorker({ db: api.database, registry, secretBox, exportDirectory, pollIntervalMs: 50, log: () => undefined, outboundAllow: loopbackAllowList });
  try {
    const started = await send("POST", "/inventory/scans", api.credentials.compliance, {});
    expect(started.status).toBe(202);
    const scan = await readBody(started, inventoryScanSchema);
    expect(scan.instances.map((instance) => instance.instanceName)).toEqual(["Customer CRM"]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const latest = await readBody(await send("GET", "/inventory/scans/latest", api.credentials.viewer), inventoryScanSchema);
      expect(latest.id).toBe(scan.id);
      if (latest.status === "completed") return latest;
      if (Date.now() > deadline) throw new Error(`scan still running: ${JSON.stringify(latest.progress)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await worker.stop();
  }
}

describe("the data inventory over the API", () => {
  it("answers 404 for the latest scan before any, then lists every record type as declared without counts", async () => {
    const none = await send("GET", "/inventory/scans/latest", api.credentials.viewer);
    expect(none.status).toBe(404);
    expect((await readError(none)).code).toBe("not_found");

    const inventory = await readBody(await send("GET", "/inventory", api.credentials.viewer), dataInventorySchema);
    const [crm] = inventory.systems;
    expect(crm).toMatchObject({ instanceId, instanceName: "Customer CRM", inventoryDeclared: true, connector: { id: "reference" } });
    expect(crm?.recordTypes.map((type) => [type.recordType, type.lawfulBasis, type.retention?.period, type.count])).toEqual([
      ["person", "contract", "P6Y", null],
      ["note", "legitimate-interests", "P2Y", null],
      ["attachment", "legitimate-interests", "P2Y", null],
      ["call", "contract", "P6Y", null],
    ]);
  });

  it("scans through the worker and shows the vendor's counts in the inventory and its CSV", async () => {
    const truth = z.object({ counts: z.record(z.string(), z.int()) }).parse(await (await fetch(`${running.url}/__sandbox/record-counts`)).json()).counts;
    const scan = await scanToEnd();
    expect(scan.progress).toEqual({ instances: 1, finished: 1, failed: 0 });
    expect(Object.fromEntries(scan.instances[0]?.counts.map((count) => [count.recordType, count.count]) ?? [])).toEqual(truth);

    const inventory = await readBody(await send("GET", "/inventory", api.credentials.admin), dataInventorySchema);
    expect(Object.fromEntries(inventory.systems[0]?.recordTypes.map((type) => [type.recordType, type.count?.value]) ?? [])).toEqual(truth);

    const csv = await send("GET", "/inventory.csv", api.credentials.viewerToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="lethe-data-inventory-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).split("\r\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toMatch(new RegExp(`^Customer CRM,reference,[^,]+,person,yes,identity; contact,.*,contract,,P6Y,the end of the customer relationship,,${truth.person},yes,`));
  });

  it("refuses a scan body with unknown fields (400, nothing started) and a viewer's scan (403)", async () => {
    const before = await api.database.sql`select count(*)::int as n from inventory_scans`;
    const bad = await send("POST", "/inventory/scans", api.credentials.admin, { instanceIds: ["x"] });
    expect(bad.status).toBe(400);
    expect((await readError(bad)).code).toBe("validation_failed");
    expect((await send("POST", "/inventory/scans", api.credentials.viewer, {})).status).toBe(403);
    expect(await api.database.sql`select count(*)::int as n from inventory_scans`).toEqual(before);
  });
});
