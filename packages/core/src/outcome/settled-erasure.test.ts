import { describe, expect, it } from "vitest";
import { settledErasures, settledReceiptCounts } from "./settled-erasure";

const row = (recordId: string, phase: string, outcome: string, instanceId = "a") => ({ instanceId, recordType: "call", recordId, phase, outcome });

describe("a record's erasure as it stands", () => {
  it("is its confirm receipt once a confirmation settled it, else its erase receipt", () => {
    const rows = [row("1", "confirm", "erased"), row("1", "erase", "pending"), row("2", "erase", "erased"), row("3", "verify", "verified")];
    expect(settledErasures(rows)).toEqual([row("1", "confirm", "erased"), row("2", "erase", "erased")]);
  });

  it("keeps records of different instances apart", () => {
    expect(settledErasures([row("1", "erase", "erased", "a"), row("1", "erase", "retained", "b")])).toHaveLength(2);
  });

  it("counts each erasure once under erase by its settled outcome, other phases as they are", () => {
    const rows = [row("1", "erase", "pending"), row("1", "confirm", "erased"), row("2", "erase", "pending"), row("1", "verify", "verified")];
    expect(settledReceiptCounts(rows)).toEqual([
      { instanceId: "a", phase: "erase", outcome: "erased", count: 1 },
      { instanceId: "a", phase: "erase", outcome: "pending", count: 1 },
      { instanceId: "a", phase: "verify", outcome: "verified", count: 1 },
    ]);
  });
});
