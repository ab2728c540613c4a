export type { Benchmark, BenchmarkOptions, BenchmarkRow, BenchFlags } from "./benchmark";
export { parseBenchArguments, BenchArgumentError, type BenchArguments } from "./bench-arguments";
export { formatResultsTable, formatNumber, type BenchmarkResult } from "./results-table";
export { selectBenchmarks } from "./select-benchmarks";
