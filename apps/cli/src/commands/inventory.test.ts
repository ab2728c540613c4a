import referenceConnector from "@lethe/connector-reference";
import { inventoryReport } from "@lethe/runtime";
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
