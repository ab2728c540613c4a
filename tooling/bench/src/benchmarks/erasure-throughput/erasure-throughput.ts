import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OracleStats } from "@lethe/connector-sdk";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { runChildScript } from "../../child-script";
import { startSandboxProcess } from "../../sandbox-process";
import { runResultSchema, type RunInput, type RunResult } from "./protocol";

const megabyte = 1024 * 1024;

/**
 * N erasure requests through the whole engine against the reference sandbox at zero latency,
 * beside a plain fetch loop making the same calls against a fresh sandbox of the same seed.
 * Each side runs in its own process (CPU and peak RSS are its own), and so does each sandbox.
 */
export const erasureThroughput: Benchmark = {
  name: "erasure-throughput",
  description: "N erasure requests through the engine vs. a plain HTTP loop making the same calls",
  async run({ flags, log }) {
    const requests = Math.round(flags.number("requests", 200));
    const concurrency = Math.round(flags.number("concurrency", 4));
    const seed = Math.round(flags.number("seed", 1));
    const sandboxOptions = { seed, people: requests, rateLimitPerMinute: 1_000_000_000 };
    const workDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-"));
    try {
      const engine = await runAgainstFreshSandbox("engine", sandboxOptions, concurrency, requests, workDirectory, log);
      const baseline = await runAgainstFreshSandbox("baseline", sandboxOptions, concurrency, requests, workDirectory, log);
      reportDifferences(engine, baseline, log);
      return rowsOf(engine, baseline);
    } finally {
      await rm(workDirectory, { recursive: true, force: true });
    }
  },
};

export interface SideResult {
  run: RunResult;
  stats: OracleStats;
}

/** One side's run in its own process against its own fresh sandbox; `faults` only for the engine. */
export async function runAgainstFreshSandbox(
  side: "engine" | "baseline",
  sandboxOptions: { seed: number; people: number; rateLimitPerMinute: number },
  concurrency: number,
  requests: number,
  workDirectory: string,
  log: (message: string) => void,
  faults?: RunInput["faults"],
): Promise<SideResult> {
  const sandbox = await startSandboxProcess(sandboxOptions);
  try {
    // The extra people the sandbox generated for this run are its last `requests` subjects.
    const subjects = (await sandbox.people())
      .filter((person) => person.role === "subject")
      .slice(-requests)
      .map((person) => ({
        email: person.identifiers.find((identifier) => identifier.kind === "email")?.value ?? "",
        phone: person.identifiers.find((identifier) => identifier.kind === "phone")?.value ?? "",
      }));
    if (subjects.length < requests || subjects.some((subject) => !subject.email || !subject.phone)) {
      throw new Error(`the sandbox seeded ${subjects.length} usable subjects; ${requests} are needed`);
    }
    const input: RunInput = {
      sandbox: { url: sandbox.url, settings: sandbox.settings, credentials: { ...sandbox.credentials, apiToken: String(sandbox.credentials.apiToken) } },
      subjects,
      concurrency,
      ...(faults ? { faults } : {}),
    };
    const inputFile = join(workDirectory, `${side}-${faults ? `faults-${faults.rate}` : "clean"}-input.json`);
    await writeFile(inputFile, JSON.stringify(input));
    log(`erasure-throughput: ${side}: ${requests} erasure requests, concurrency ${concurrency}…`);
    const script = new URL(side === "engine" ? "./engine-run.ts" : "./baseline-run.ts", import.meta.url);
    const run = runResultSchema.parse(await runChildScript(script, ["--input", inputFile]));
    log(`erasure-throughput: ${side}: ${run.completed}/${run.requests} completed in ${Math.round(run.wallMs)} ms`);
    return { run, stats: await sandbox.stats() };
  } finally {
    await sandbox.stop();
  }
}

function totalCalls(stats: OracleStats): number {
  return Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
}

/**
 * The baseline is only a baseline if it made the same calls: any route whose count differs fails
 * the benchmark (a throughput ratio against less work would flatter the engine).
 */
function reportDifferences(engine: SideResult, baseline: SideResult, log: (message: string) => void): void {
  const routes = new Set([...Object.keys(engine.stats.calls), ...Object.keys(baseline.stats.calls)]);
  const differences: string[] = [];
  for (const route of [...routes].sort()) {
    const a = engine.stats.calls[route] ?? 0;
    const b = baseline.stats.calls[route] ?? 0;
    if (a !== b) differences.push(`${route}: engine made ${a} calls, baseline ${b}`);
  }
  if (differences.length > 0) {
    throw new Error(`erasure-throughput: the baseline did not make the engine's vendor calls, so no ratio is meaningful:\n  ${differences.join("\n  ")}`);
  }
  for (const [side, result] of [
    ["engine", engine],
    ["baseline", baseline],
  ] as const) {
    if (result.run.completed !== result.run.requests) {
      log(`erasure-throughput: WARNING: ${side}: only ${result.run.completed}/${result.run.requests} completed (${JSON.stringify(result.run.outcomes)})`);
    }
    if (result.stats.throttled > 0) log(`erasure-throughput: WARNING: ${side}: the sandbox throttled ${result.stats.throttled} calls`);
  }
}

function rowsOf(engine: SideResult, baseline: SideResult): BenchmarkRow[] {
  const perSecond = (side: SideResult) => (side.run.requests / side.run.wallMs) * 1000;
  const cpuPerRequest = (side: SideResult) => side.run.cpuMs / side.run.requests;
  const peakRss = (side: SideResult) => side.run.peakRssBytes / megabyte;
  const callsPerRequest = (side: SideResult) => totalCalls(side.stats) / side.run.requests;
  const purged = (side: SideResult) => Object.values(side.stats.deletions).reduce((sum, n) => sum + n, 0);
  return [
    { metric: "requests/s", value: perSecond(engine), baseline: perSecond(baseline), better: "higher" },
    { metric: "CPU ms/request", value: cpuPerRequest(engine), baseline: cpuPerRequest(baseline), better: "lower" },
    { metric: "peak RSS MB", value: peakRss(engine), baseline: peakRss(baseline), better: "lower" },
    { metric: "vendor calls/request", value: callsPerRequest(engine), baseline: callsPerRequest(baseline), better: "equal" },
    { metric: "records purged", value: purged(engine), baseline: purged(baseline), better: "equal" },
    { metric: "requests completed", value: engine.run.completed, baseline: baseline.run.completed, better: "equal" },
  ];
}
