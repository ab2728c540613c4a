/**
 * `pnpm bench [name ...] [--flag value ...]`: runs the benchmarks (all, or those named), prints
 * a table to stdout and writes the results as JSON to `.lethe/bench/<timestamp>.json`.
 * See tooling/bench/README.md.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { BenchArgumentError, parseBenchArguments } from "./bench-arguments";
import { benchmarks } from "./benchmarks";
import { describeMachine, writeResultsFile, type ResultsRecord } from "./results-file";
import { formatResultsTable } from "./results-table";
import { selectBenchmarks } from "./select-benchmarks";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const log = (message: string) => process.stderr.write(`${message}\n`);

try {
  const { names, flags } = parseBenchArguments(process.argv.slice(2));
  if (flags.string("help", "false") === "true") {
    log("usage: pnpm bench [name ...] [--requests N] [--concurrency N] [--seed N] [--workers N] [--rate-limit N]");
    for (const benchmark of benchmarks) log(`  ${benchmark.name}: ${benchmark.description}`);
    process.exit(0);
  }
  const selected = selectBenchmarks(benchmarks, names);
  const record: ResultsRecord = {
    startedAt: new Date().toISOString(),
    flags: flags.all(),
    machine: describeMachine(),
    results: [],
  };
  for (const benchmark of selected) {
    const started = Date.now();
    const rows = await benchmark.run({ flags, log });
    // Every row says how busy the machine was: its own reading, or the one at the benchmark's end.
    const loadAverage = loadavg()[0] ?? 0;
    for (const row of rows) row.loadAverage ??= loadAverage;
    record.results.push({ benchmark: benchmark.name, rows, durationMs: Date.now() - started });
  }
  process.stdout.write(`${formatResultsTable(record.results)}\n`);
  const path = await writeResultsFile(join(repositoryRoot, ".lethe", "bench"), record);
  log(`results written to ${path}`);
} catch (error) {
  log(error instanceof BenchArgumentError ? `pnpm bench: ${error.message}` : `pnpm bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
