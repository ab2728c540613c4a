import { describe, expect, it } from "vitest";
import { parseCheckName, type CheckOutcome } from "./check-outcome";
import { formatConformanceReport, reportFailed, type ConformanceReport } from "./format-report";

const report: ConformanceReport = {
  heading: "connector acme@0.1.0 conformance",
  durationMs: 4_200,
  errors: [],
  checks: [
    { group: "1. Declaration", title: "its id is kebab-case", id: "declaration.id-and-version", state: "passed" },
    {
      group: "3. Locate",
      title: "locate finds every record",
      id: "locate.finds-every-record",
      state: "failed",
      reason: "locate misses records of the subject\n- note/n1 was not located",
      vendorCalls: [{ method: "GET", path: "/api/v1/contacts", status: 200 }],
    },
    { group: "8. Declared vendor features", title: "a card sweep", id: "card-sweep.twice-is-safe", state: "skipped", reason: "the connector declares no card sweep" },
  ],
};

describe("the conformance report", () => {
  it("groups checks, and shows under a failure why and the vendor calls before it, then the counts", () => {
    const text = formatConformanceReport(report);
    expect(text).toContain("1. Declaration\n  ✓ its id is kebab-case [declaration.id-and-version]\n");
    expect(text).toContain(
      "3. Locate\n  ✗ locate finds every record [locate.finds-every-record]\n      why: locate misses records of the subject\n      - note/n1 was not located\n      vendor calls just before:\n        GET /api/v1/contacts → 200\n",
    );
    expect(text).toContain("  - a card sweep [card-sweep.twice-is-safe] — skipped: the connector declares no card sweep\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("conformance FAILED: 1 passed, 1 failed, 1 skipped (4.2 s)");
    expect(reportFailed(report)).toBe(true);
  });

  it("fails a run that loaded no check or broke outside one", () => {
    expect(reportFailed({ ...report, checks: [] })).toBe(true);
    const passing = { ...report, checks: report.checks.filter((check) => check.state !== "failed") };
    expect(reportFailed(passing)).toBe(false);
    expect(reportFailed({ ...passing, errors: ["The sandbox did not start"] })).toBe(true);
  });

  it("cuts a long message after a dozen lines, saying how many more", () => {
    const long: CheckOutcome = { group: "3. Locate", title: "locate finds every record", state: "failed", reason: Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n") };
    expect(formatConformanceReport({ ...report, checks: [long] })).toContain("… and 8 more lines");
  });
});

describe("a conformance test's name", () => {
  it("splits into title, id and skip reason", () => {
    expect(parseCheckName("locate yields each record once [locate.no-duplicates]")).toEqual({ title: "locate yields each record once", id: "locate.no-duplicates" });
    expect(parseCheckName("a sweep [card-sweep.twice-is-safe] — skipped: none declared")).toEqual({
      title: "a sweep",
      id: "card-sweep.twice-is-safe",
      skipReason: "none declared",
    });
    expect(parseCheckName("something else")).toEqual({ title: "something else" });
  });
});
