import { describe, expect, it } from "vitest";
import { formatNumber, formatResultsTable } from "./results-table";

describe("results table", () => {
  it("prints one aligned Markdown row per metric with value ÷ baseline as the ratio", () => {
    const table = formatResultsTable([
      {
        benchmark: "erasure-throughput",
        rows: [
          { metric: "requests/s", value: 25, baseline: 100, better: "higher" },
          { metric: "CPU ms/request", value: 12.5, baseline: 2.5, better: "lower" },
          { metric: "records purged", value: 0, baseline: 0, better: "equal" },
        ],
      },
    ]);
    expect(table.split("\n")).toEqual([
      "| benchmark          | metric         | value | baseline | ratio | better |",
      "|--------------------|----------------|------:|---------:|------:|--------|",
      "| erasure-throughput | requests/s     |    25 |      100 | 0.25× | higher |",
      "| erasure-throughput | CPU ms/request |  12.5 |     2.50 | 5.00× | lower  |",
      "| erasure-throughput | records purged |     0 |        0 | 1.00× | equal  |",
    ]);
  });

  it("shows each row's 1-minute load average beside it when rows carry one", () => {
    const table = formatResultsTable([
      { benchmark: "b", rows: [{ metric: "m", value: 2, baseline: 1, better: "lower", loadAverage: 3.456 }, { metric: "n", value: 1, baseline: 1, better: "equal" }] },
    ]);
    expect(table.split("\n")).toEqual([
      "| benchmark | metric | value | baseline | ratio | better | load 1m |",
      "|-----------|--------|------:|---------:|------:|--------|--------:|",
      "| b         | m      |     2 |        1 | 2.00× | lower  |    3.46 |",
      "| b         | n      |     1 |        1 | 1.00× | equal  |         |",
    ]);
  });

  it("says n/a rather than dividing by a zero baseline", () => {
    const table = formatResultsTable([{ benchmark: "b", rows: [{ metric: "m", value: 3, baseline: 0, better: "lower" }] }]);
    expect(table).toContain("|   n/a |");
  });

  it("prints counts whole and other values to at most three significant figures without exponents", () => {
    expect(formatNumber(200)).toBe("200");
    expect(formatNumber(1234.56)).toBe("1235");
    expect(formatNumber(45.678)).toBe("45.7");
    expect(formatNumber(3.14159)).toBe("3.14");
    expect(formatNumber(0.004567)).toBe("0.0046");
  });
});
