import type { BenchmarkRow } from "./benchmark";

export interface BenchmarkResult {
  benchmark: string;
  rows: BenchmarkRow[];
}

const header = ["benchmark", "metric", "value", "baseline", "ratio", "better"];

/**
 * A Markdown table, one line per metric, padded so it also reads as plain text. `ratio` is
 * value ÷ baseline; `better` says which way a ratio should move to be good news.
 */
export function formatResultsTable(results: readonly BenchmarkResult[]): string {
  const lines = results.flatMap((result) =>
    result.rows.map((row) => [
      result.benchmark,
      row.metric,
      formatNumber(row.value),
      formatNumber(row.baseline),
      formatRatio(row.value, row.baseline),
      row.better,
    ]),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column >= 2 && column <= 4 ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [render(header), rule, ...lines.map(render)].join("\n");
}

/** Counts as they are; other values to three significant figures at most, without exponents. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return threeFigures(value);
}

function threeFigures(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toString();
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 0.01 || magnitude === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

function formatRatio(value: number, baseline: number): string {
  if (baseline === 0) return value === 0 ? "1.00×" : "n/a";
  return `${threeFigures(value / baseline)}×`;
}
