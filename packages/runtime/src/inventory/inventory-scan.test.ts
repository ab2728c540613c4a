import referenceConnector from "@lethe/connector-reference";
import { sandbox as referenceSandbox } from "@lethe/connector-reference/sandbox";
import type { AnyConnector, RunningSandbox } from "@lethe/connector-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { pollUntil } from "../../test/poll";
import { openSandboxWorld, type SandboxWorld } from "../../test/sandbox-world";
import { createConnectorInstance } from "../connector-instances";
import { readDataInventory, readInventoryScan } from "./read-data-inventory";
import { startInventoryScan } from "./start-inventory-scan";

let world: SandboxWorld<RunningSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A connector whose vendor cannot count: it declares no countRecords. */
const uncountable: AnyConnector = { ...referenceConnector, id: "reference-uncounted", capabilities: { ...referenceConnector.capabilities, countRecords: false }, countRecords: undefined };

const oracleCounts = z.object({ counts: z.record(z.string(), z.int()) });

describe("a discovery scan of the data inventory", () => {
  it("counts each enabled instance's records through the worker, records a failing instance and one that cannot count, and stores only numbers", async () => {
    world = await openSandboxWorld({
      connectors: [referenceConnector, uncountable],
      startSandbox: () => referenceSandbox.start({ seed: 3, rateLimitPerMinute: 1_000_000 }),
      instance: { connectorId: "reference", name: "CRM", rateLimitPerMinute: 100_000 },
      worker: { concurrency: 2 },
    });
    const { database, running, registry, secretBox, instanceId } = world;
    const { id: refusedId } = await createConnectorInstance(
      database,
      { registry, secretBox },
      { connectorId: "reference", name: "CRM with a revoked token", settings: running.settings, secrets: running.badCredentials },
    );
    const { id: uncountedId } = await createConnectorInstance(
      database,
      { registry, secretBox },
      { connectorId: uncountable.id, name: "CRM without counts", settings: running.settings, secrets: running.credentials },
    );
    const truth = oracleCounts.parse(await (await fetch(`${running.url}/__sandbox/record-counts`)).json()).counts;

    const { scanId } = await startInventoryScan(database, { actor: "test" });
    const scan = await pollUntil(`scan ${scanId} to finish`, () => readInventoryScan(database, scanId), {
      until: (current) => current?.status === "completed",
      timeoutMs: 60_000,
    });

    expect(scan?.progress).toEqual({ instances: 3, finished: 3, failed: 1 });
    const byId = new Map(scan?.instances.map((instance) => [instance.instanceId, instance]));
    expect(byId.get(instanceId)).toMatchObject({ status: "completed", error: null });
    expect(Object.fromEntries(byId.get(instanceId)?.counts.map((count) => [count.recordType, count.count]) ?? [])).toEqual(truth);
    expect(byId.get(refusedId)).toMatchObject({ status: "failed", counts: [] });
    expect(byId.get(refusedId)?.error).toMatch(/auth/i);
    expect(byId.get(uncountedId)).toMatchObject({ status: "not-countable", error: null, counts: [] });

    // Only numbers per instance, record type and time: no column could hold a record's data.
    const columns = await database.sql<{ column_name: string }[]>`select column_name from information_schema.columns where table_name = 'inventory_counts' order by ordinal_position`;
    expect(columns.map((row) => row.column_name)).toEqual(["scan_id", "instance_id", "record_type", "count", "exact", "counted_at"]);

    const inventory = await readDataInventory(database, registry);
    const crm = inventory.systems.find((system) => system.instanceId === instanceId);
    expect(crm?.recordTypes.map((type) => [type.recordType, type.count?.value])).toEqual(Object.entries(truth));
    const uncounted = inventory.systems.find((system) => system.instanceId === uncountedId);
    expect(uncounted?.recordTypes.every((type) => type.declared && !type.countable && type.count === null)).toBe(true);

    const audit = await database.sql<{ action: string }[]>`select action from audit_log where action like 'inventory.%'`;
    expect(audit.map((row) => row.action).sort()).toEqual(["inventory.instance_counted", "inventory.instance_counted", "inventory.instance_failed", "inventory.scan_started"]);
  });

  it("counts nothing and finishes at once when no instance is enabled", async () => {
    world = await openSandboxWorld({
      connectors: [referenceConnector],
      startSandbox: () => referenceSandbox.start({ seed: 3 }),
      instance: { connectorId: "reference", name: "CRM" },
    });
    await world.database.sql`update connector_instances set enabled = false`;
    const { scanId } = await startInventoryScan(world.database, { actor: "test" });
    expect(await readInventoryScan(world.database, scanId)).toMatchObject({ status: "completed", progress: { instances: 0, finished: 0, failed: 0 }, instances: [] });
  });
});
