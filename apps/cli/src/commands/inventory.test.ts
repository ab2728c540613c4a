import referenceConnector from "@lethe/connector-reference";
import { inventoryCsv, inventoryReport } from "@lethe/runtime";
import { loadInstalledConnectors } from "../installed-connectors.gen";
import { describe, expect, it } from "vitest";
import { formatInventory } from "./inventory";

describe("lethe inventory show", () => {
  it("prints a table per system with each record type's categories, basis, retention and count", () => {
    const view = inventoryReport({
      instances: [{ id: "11111111-1111-4111-8111-111111111111", name: "CRM", enabled: true, connectorId: "reference" }],
      connectorOf: () => referenceConnector,
      counts: [{ instanceId: "11111111-1111-4111-8111-111111111111", recordType: "note", count: 42, exact: false, countedAt: new Date() }],
      now: new Date(),
    });
    const lines = formatInventory(view).split("\n");
    expect(lines[0]).toBe("CRM (reference)");
    expect(lines[1]).toMatch(/^record type\s+categories\s+basis\s+retention\s+records$/);
    expect(lines[2]).toMatch(/^person\s+identity, contact\s+contract\s+P6Y\s+not counted$/);
    expect(lines[3]).toMatch(/^note\s+communication, support_history\s+legitimate-interests\s+P2Y\s+~42$/);
    expect(formatInventory({ generatedAt: new Date().toISOString(), systems: [] })).toBe("no connector instances");
  });
});

describe("the inventory export of every installed connector", () => {
  it("lists each record type of each connector with categories, fields, purposes, basis and retention, in JSON and CSV", async () => {
    const connectors = await loadInstalledConnectors();
    expect(connectors.map((connector) => connector.id).sort()).toEqual(["recorder", "reference", "salesforce", "twilio", "zendesk"]);
    const view = inventoryReport({
      instances: connectors.map((connector, index) => ({ id: `00000000-0000-4000-8000-00000000000${index}`, name: `demo-${connector.id}`, enabled: true, connectorId: connector.id })),
      connectorOf: (id) => connectors.find((connector) => connector.id === id),
      counts: [],
      now: new Date(),
    });
    const rows = inventoryCsv(view).split("\r\n").slice(1).filter((line) => line !== "");
    let types = 0;
    for (const [index, connector] of connectors.entries()) {
      const system = view.systems[index];
      expect(system?.recordTypes.map((type) => type.recordType)).toEqual(Object.keys(connector.recordSchemas));
      for (const type of system?.recordTypes ?? []) {
        expect(type.declared, `${connector.id}/${type.recordType}`).toBe(true);
        expect(type.categories.length, `${connector.id}/${type.recordType}`).toBeGreaterThan(0);
        expect(Object.keys(type.fields).length, `${connector.id}/${type.recordType}`).toBeGreaterThan(0);
        expect(type.purposes.length, `${connector.id}/${type.recordType}`).toBeGreaterThan(0);
        expect(type.lawfulBasis, `${connector.id}/${type.recordType}`).not.toBeNull();
        expect(type.retention?.period, `${connector.id}/${type.recordType}`).toMatch(/^P/);
        expect(rows.some((row) => row.startsWith(`demo-${connector.id},${connector.id},`) && row.includes(`,${type.recordType},yes,`))).toBe(true);
        types += 1;
      }
    }
    expect(rows).toHaveLength(types);
  });
});
