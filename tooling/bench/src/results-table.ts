import type { BenchmarkRow } from "./benchmark";

export interface BenchmarkResult {
  benchmark: string;
  rows: BenchmarkRow[];
}

const header = ["benchmark", "metric", "value", "baseline", "ratio", "better"];
const loadColumn = "load 1m";

/**
 * A Markdown table, one line per metric, padded so it also reads as plain text. `ratio` is
 * value ÷ baseline; `better` says which way a ratio should move to be good news. When rows carry
 * the machine's load average, a `load 1m` column shows it beside them.
 */
export function formatResultsTable(results: readonly BenchmarkResult[]): string {
  const withLoad = results.some((result) => result.rows.some((row) => row.loadAverage !== undefined));
  const titles = withLoad ? [...header, loadColumn] : header;
  const lines = results.flatMap((result) =>
    result.rows.map((row) => [
      result.benchmark,
      row.metric,
      formatNumber(row.value),
      formatNumber(row.baseline),
      formatRatio(row.value, row.baseline),
      row.better,
      ...(withLoad ? [row.loadAverage === undefined ? "" : row.loadAverage.toFixed(2)] : []),
    ]),
  );
  const widths = titles.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const numeric = (column: number) => (column >= 2 && column <= 4) || column === 6;
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => (numeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (numeric(column) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [render(titles), rule, ...lines.map(render)].join("\n");
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
