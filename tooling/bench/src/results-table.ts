import type { BenchmarkRow } from "./benchmark";

export interface BenchmarkResult {
  benchmark: string;
  rows: BenchmarkRow[];
}

const columns = ["benchmark", "metric", "value", "baseline", "ratio", "better"];
const loadColumn = "load 1m";

/**
 * A Markdown table, one line per metric, padded so it also reads as plain text. `ratio` is
 * value ÷ baseline; `better` says which way a ratio should move to be good news; `load 1m`, when
 * the rows carry it, is the machine's 1-minute load average as the row was measured.
 */
export function formatResultsTable(results: readonly BenchmarkResult[]): string {
  const withLoad = results.some((result) => result.rows.some((row) => row.loadAverage !== undefined));
  const header = withLoad ? [...columns, loadColumn] : columns;
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
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => (isNumeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (isNumeric(column) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [render(header), rule, ...lines.map(render)].join("\n");
}

/** value, baseline, ratio and load are right-aligned. */
function isNumeric(column: number): boolean {
  return (column >= 2 && column <= 4) || column === columns.length;
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
