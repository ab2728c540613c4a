import { busiestWindow } from "@lethe/connector-reference/sandbox";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { drainBacklog, type DrainResult } from "./drain-backlog";

/**
 * The same backlog of mixed requests (half erasure, a quarter access, a quarter portability)
 * drained by one `lethe worker` process and then by several, each against a fresh database and a
 * fresh sandbox of the same seed, the connector instance configured with the same rate limit.
 * The ratio of requests/hour is the scaling ratio; the vendor calls per minute the sandbox saw,
 * set against the configured limit, show how much of the budget each side used.
 */
export const scaleOut: Benchmark = {
  name: "scale-out",
  description: "a backlog of mixed requests drained by 1 vs. 2 vs. 3 (`--workers 1,2,3`) `lethe worker` processes under one rate limit",
  async run({ flags, log }) {
    const options = {
      requests: Math.round(flags.number("requests", 500)),
      concurrency: Math.round(flags.number("concurrency", 4)),
      rateLimitPerMinute: Math.round(flags.number("rate-limit", 3_000)),
      seed: Math.round(flags.number("seed", 1)),
      log,
    };
    const counts = workerCounts(flags.string("workers", "1,2,3"));
    const sides: DrainResult[] = [];
    for (const workers of counts) sides.push(await drainBacklog({ ...options, workers }));
    for (const side of sides) warnAbout(side, log);
    const [single, ...more] = sides;
    if (!single) return [];
    return [
      ...more.flatMap((several) => scalingRows(single, several)),
      ...rowsOf(single, more.at(-1) ?? single, options.rateLimitPerMinute),
    ];
  },
};

/**
 * `--workers 1,2,3`: the worker-process counts to drain the backlog with, in order; the first is
 * the baseline of every ratio. A single number N means "1 vs N", as the flag meant before.
 */
export function workerCounts(flag: string): number[] {
  const counts = flag.split(",").map((part) => Number(part.trim()));
  if (counts.length === 0 || counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(`--workers takes worker-process counts such as 1,2,3, got "${flag}"`);
  }
  const [only] = counts;
  return counts.length === 1 && only !== undefined && only > 1 ? [1, only] : counts;
}

const perHour = (side: DrainResult) => (side.requests / side.wallMs) * 3_600_000;

/** CPU per request of one side: the workers' own, and with PostgreSQL's backends added when measured. */
function cpuPerRequest(side: DrainResult): { workers?: number; total?: number } {
  if (side.workerCpuMs === undefined) return {};
  const workers = side.workerCpuMs / side.requests;
  return side.postgresCpuMs === undefined ? { workers } : { workers, total: workers + side.postgresCpuMs / side.requests };
}

/** How n workers compare with the first count: throughput and what each request costs in CPU. */
function scalingRows(single: DrainResult, several: DrainResult): BenchmarkRow[] {
  const n = several.workers;
  const one = single.workers;
  const rows: BenchmarkRow[] = [{ metric: `requests/hour (${n} workers vs ${one})`, value: perHour(several), baseline: perHour(single), better: "higher" }];
  const [cpuMany, cpuOne] = [cpuPerRequest(several), cpuPerRequest(single)];
  if (cpuMany.workers !== undefined && cpuOne.workers !== undefined) {
    rows.push({ metric: `worker CPU ms/request (${n} vs ${one})`, value: cpuMany.workers, baseline: cpuOne.workers, better: "lower" });
  }
  if (cpuMany.total !== undefined && cpuOne.total !== undefined) {
    rows.push({ metric: `worker + PostgreSQL CPU ms/request (${n} vs ${one})`, value: cpuMany.total, baseline: cpuOne.total, better: "lower" });
  }
  return rows;
}

const totalCalls = (side: DrainResult) => side.callTimes.length;
const callsPerMinute = (side: DrainResult) => (totalCalls(side) / side.wallMs) * 60_000;
const busiestMinute = (side: DrainResult) => busiestWindow(side.callTimes, 60_000).calls;

function rowsOf(single: DrainResult, several: DrainResult, limit: number): BenchmarkRow[] {
  const purged = (side: DrainResult) => Object.values(side.stats.deletions).reduce((sum, n) => sum + n, 0);
  const n = several.workers;
  return [
    { metric: `vendor calls/min, mean (${n} vs 1)`, value: callsPerMinute(several), baseline: callsPerMinute(single), better: "higher" },
    { metric: `${n} workers: calls/min mean ÷ limit`, value: callsPerMinute(several), baseline: limit, better: "higher" },
    { metric: `${n} workers: busiest 60 s ÷ limit`, value: busiestMinute(several), baseline: limit, better: "higher" },
    { metric: "1 worker: calls/min mean ÷ limit", value: callsPerMinute(single), baseline: limit, better: "higher" },
    { metric: "1 worker: busiest 60 s ÷ limit", value: busiestMinute(single), baseline: limit, better: "higher" },
    { metric: `vendor calls/request (${n} vs 1)`, value: totalCalls(several) / several.requests, baseline: totalCalls(single) / single.requests, better: "equal" },
    { metric: `records purged (${n} vs 1)`, value: purged(several), baseline: purged(single), better: "equal" },
    { metric: `requests completed (${n} vs 1)`, value: several.completed, baseline: single.completed, better: "equal" },
  ];
}

/** The rows compare like with like only if both sides finished the same work within the limit. */
function warnAbout(side: DrainResult, log: (message: string) => void): void {
  const name = `scale-out: WARNING: ${side.workers} worker(s)`;
  if (side.completed !== side.requests) log(`${name}: only ${side.completed}/${side.requests} completed (${JSON.stringify(side.outcomes)})`);
  if (side.stats.throttled > 0) log(`${name}: the sandbox throttled ${side.stats.throttled} calls (the workers overshot the limit)`);
  if (side.exitCodes.some((code) => code !== 0)) log(`${name}: workers exited with ${side.exitCodes.join(", ")} after SIGTERM`);
}
