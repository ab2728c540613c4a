import referenceConnector from "@lethe/connector-reference";
import type { AnyConnector } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { inventoryCsv } from "./inventory-csv";
import { inventoryReport } from "./inventory-report";

const now = new Date("2026-03-02T10:00:00.000Z");
const countedAt = new Date("2026-03-01T09:00:00.000Z");

/** A plugin built against connector contract 1.0: no inventory, no counts. */
const withoutInventory = Object.fromEntries(Object.entries(referenceConnector).filter(([key]) => key !== "inventory" && key !== "countRecords"));
const legacy = { ...withoutInventory, id: "legacy-crm", contractVersion: "1.0", capabilities: { ...referenceConnector.capabilities, countRecords: false } } as unknown as AnyConnector;
const connectors = new Map<string, AnyConnector>([
  ["reference", referenceConnector],
  ["legacy-crm", legacy],
]);

function report() {
  return inventoryReport({
    instances: [
      { id: "11111111-1111-4111-8111-111111111111", name: "CRM", enabled: true, connectorId: "reference" },
      { id: "22222222-2222-4222-8222-222222222222", name: "Old CRM", enabled: true, connectorId: "legacy-crm" },
      { id: "33333333-3333-4333-8333-333333333333", name: "Removed plugin", enabled: false, connectorId: "uninstalled" },
    ],
    connectorOf: (id) => connectors.get(id),
    counts: [{ instanceId: "11111111-1111-4111-8111-111111111111", recordType: "person", count: 1_204, exact: true, countedAt }],
    now,
  });
}

describe("the data inventory report", () => {
  it("lists every record type of a connector with its declaration, countability and latest count", () => {
    const [crm] = report().systems;
    expect(crm?.recordTypes.map((type) => type.recordType)).toEqual(["person", "note", "attachment", "call"]);
    expect(crm?.recordTypes[0]).toEqual({
      recordType: "person",
      declared: true,
      categories: ["identity", "contact"],
      fields: { name: ["identity"], customerId: ["identity"], email: ["contact"], phone: ["contact"] },
      purposes: ["Managing our relationship with you as a customer"],
      lawfulBasis: "contract",
      basisNote: null,
      retention: { period: "P6Y", from: "the end of the customer relationship", note: null, inWords: "6 years from the end of the customer relationship" },
      countable: true,
      count: { value: 1_204, exact: true, countedAt: countedAt.toISOString() },
    });
    expect(crm?.recordTypes[1]?.count).toBeNull();
  });

  it("shows a contract 1.0 plugin's record types as not declared, and an uninstalled connector's system without types, instead of failing", () => {
    const [, old, removed] = report().systems;
    expect(old).toMatchObject({ inventoryDeclared: false, connector: { id: "legacy-crm" } });
    expect(old?.recordTypes.every((type) => !type.declared && type.categories.length === 0 && type.lawfulBasis === null && type.retention === null && !type.countable)).toBe(true);
    expect(removed).toMatchObject({ inventoryDeclared: false, enabled: false, connector: { id: "uninstalled", version: null, title: null }, recordTypes: [] });
  });
});

describe("the data inventory as CSV", () => {
  it("has one row per system and record type, with lists joined in a cell and formulas defused", () => {
    const inventory = report();
    const first = inventory.systems[0];
    if (!first?.recordTypes[0]) throw new Error("no record type");
    first.recordTypes[0].purposes = ["=HYPERLINK(\"http://example.com\")", "Answering, \"quickly\""];
    const lines = inventoryCsv(inventory).split("\r\n");
    expect(lines[0]).toBe(
      "system,connector,connector_version,record_type,declared,categories,fields,purposes,lawful_basis,basis_note,retention_period,retention_from,retention_note,record_count,count_exact,counted_at",
    );
    // 4 reference types + 4 legacy types + a trailing empty line; the uninstalled system has no types.
    expect(lines).toHaveLength(1 + 4 + 4 + 1);
    expect(lines[1]).toContain("CRM,reference,");
    expect(lines[1]).toContain(",person,yes,identity; contact,name (identity); customerId (identity); email (contact); phone (contact),");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.com""); Answering, ""quickly"""`);
    expect(lines[1]).toContain(",contract,,P6Y,the end of the customer relationship,,1204,yes,2026-03-01T09:00:00.000Z");
    expect(lines[5]).toMatch(/^Old CRM,legacy-crm,[^,]*,person,no,,,,,,,,,,,$/);
  });
});
