import type { DataInventoryView, InventoryScan } from "@lethe/contracts";
import { getInventoryScan, getLatestInventoryScan, listConnectorInstances, listLatestInventoryCounts, type Database, type InventoryScanDetail } from "@lethe/db";
import type { ConnectorRegistry } from "../connector-registry";
import { inventoryReport } from "./inventory-report";
import { inventoryScanView } from "./inventory-scan-view";

/** The data inventory of every connector instance, enabled or not, with the latest counts. */
export async function readDataInventory(database: Database, registry: ConnectorRegistry, now: Date = new Date()): Promise<DataInventoryView> {
  const instances = await listConnectorInstances(database.db);
  const counts = await listLatestInventoryCounts(database.db, instances.map((instance) => instance.id));
  return inventoryReport({ instances, connectorOf: (id) => registry.get(id), counts, now });
}

/** The latest discovery scan, or null before the first. */
export async function readLatestInventoryScan(database: Database): Promise<InventoryScan | null> {
  return viewOf(database, await getLatestInventoryScan(database.db));
}

/** One discovery scan, or null when there is none with that id. */
export async function readInventoryScan(database: Database, scanId: string): Promise<InventoryScan | null> {
  return viewOf(database, await getInventoryScan(database.db, scanId));
}

async function viewOf(database: Database, detail: InventoryScanDetail | null): Promise<InventoryScan | null> {
  if (!detail) return null;
  const instances = await listConnectorInstances(database.db);
  return inventoryScanView(detail, new Map(instances.map((instance) => [instance.id, instance.name])));
}
