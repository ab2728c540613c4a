import { describe, expect, it } from "vitest";
import { summariseChanges } from "./change-outcome";

const counter = (rows: Record<string, number>) => (phase: string, outcome: string) => rows[`${phase}/${outcome}`] ?? 0;

describe("the outcome of rectify and restrict tasks", () => {
  it("counts changes and their proof, and gives no reason when every change was read back", () => {
    const summary = summariseChanges("rectification", counter({ "rectify/rectified": 2, "rectify/already-absent": 1, "verify/verified": 2 }));
    expect(summary).toEqual({
      details: { rectify: { rectified: 2, alreadyAbsent: 1 }, verification: { verified: 2, notApplied: 0, unverifiable: 0 } },
      reasons: [],
    });
  });

  it("says why a restriction is not complete: a flag not set, a record that could not be read back", () => {
    const summary = summariseChanges("restriction", counter({ "restrict/restricted": 3, "verify/verified": 1, "verify/not-applied": 1, "verify/unverifiable": 1 }));
    expect(summary.details.restrict).toEqual({ restricted: 3, unrestricted: 0, alreadyAbsent: 0 });
    expect(summary.reasons).toEqual([
      "1 record(s) did not show the change when read back",
      "1 record(s) could not be read back to prove the change",
    ]);
  });
});
