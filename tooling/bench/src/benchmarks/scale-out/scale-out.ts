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
  description: "a backlog of mixed requests drained by 1 vs. N `lethe worker` processes under one rate limit",
  async run({ flags, log }) {
    const options = {
      requests: Math.round(flags.number("requests", 500)),
      concurrency: Math.round(flags.number("concurrency", 4)),
      rateLimitPerMinute: Math.round(flags.number("rate-limit", 3_000)),
      seed: Math.round(flags.number("seed", 1)),
      log,
    };
    const workers = Math.round(flags.number("workers", 3));
    const single = await drainBacklog({ ...options, workers: 1 });
    const several = await drainBacklog({ ...options, workers });
    for (const side of [single, several]) warnAbout(side, log);
    return rowsOf(single, several, options.rateLimitPerMinute);
  },
};

const totalCalls = (side: DrainResult) => side.callTimes.length;
const callsPerMinute = (side: DrainResult) => (totalCalls(side) / side.wallMs) * 60_000;
const busiestMinute = (side: DrainResult) => busiestWindow(side.callTimes, 60_000).calls;

function rowsOf(single: DrainResult, several: DrainResult, limit: number): BenchmarkRow[] {
  const perHour = (side: DrainResult) => (side.requests / side.wallMs) * 3_600_000;
  const purged = (side: DrainResult) => Object.values(side.stats.deletions).reduce((sum, n) => sum + n, 0);
  const n = several.workers;
  return [
    { metric: `requests/hour (${n} workers vs 1)`, value: perHour(several), baseline: perHour(single), better: "higher" },
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
