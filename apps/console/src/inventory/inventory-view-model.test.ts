import type { InventoryRecordType, InventoryScan } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { basisText, categoriesText, countText, retentionText, scanProgressText } from "./inventory-view-model";

const type: InventoryRecordType = {
  recordType: "ticket",
  declared: true,
  categories: ["communication", "support_history"],
  fields: { subject: ["communication"] },
  purposes: ["Answering support requests"],
  lawfulBasis: "legitimate-interests",
  basisNote: "answering support requests",
  retention: { period: "P2Y", from: "the ticket being closed", note: null, inWords: "2 years from the ticket being closed" },
  countable: true,
  count: { value: 120_500, exact: false, countedAt: "2026-03-01T09:00:00.000Z" },
};
const undeclared: InventoryRecordType = { ...type, declared: false, categories: [], fields: {}, purposes: [], lawfulBasis: null, basisNote: null, retention: null, countable: false, count: null };

describe("the Inventory screen's wording", () => {
  it("names the basis with its article, the categories in words and an estimate as approximate", () => {
    expect(basisText(type)).toBe("Legitimate interests (Art. 6(1)(f)): answering support requests");
    expect(categoriesText(type)).toBe("communication, support history");
    expect(countText(type)).toBe("about 120,500");
    expect(retentionText(type)).toBe("2 years from the ticket being closed");
  });

  it("says what a connector did not declare or cannot count", () => {
    expect([basisText(undeclared), categoriesText(undeclared), retentionText(undeclared), countText(undeclared)]).toEqual([
      "not declared",
      "not declared",
      "not declared",
      "not countable",
    ]);
    expect(countText({ ...undeclared, countable: true })).toBe("not counted yet");
  });

  it("sums up a scan's progress", () => {
    const scan: InventoryScan = { id: "11111111-1111-4111-8111-111111111111", startedAt: "2026-03-01T09:00:00.000Z", status: "running", progress: { instances: 3, finished: 1, failed: 1 }, instances: [] };
    expect(scanProgressText(scan)).toBe("Scanning: 1 of 3 systems counted, 1 failed.");
    expect(scanProgressText({ ...scan, status: "completed", progress: { instances: 1, finished: 1, failed: 0 } })).toBe("Scan finished: 1 system.");
  });
});
