import { loadavg } from "node:os";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { runChildScript } from "../../child-script";
import { startSandboxProcess } from "../../sandbox-process";
import type { RunInput } from "../erasure-throughput/protocol";
import { statementsResultSchema, type StatementsResult } from "./protocol";
import { statementKinds } from "./statement-kinds";

/**
 * SQL statements and commits per erasure, counted by PostgreSQL (pg_stat_statements and
 * pg_stat_database) while N erasure requests run through the whole engine against the reference
 * sandbox. The baseline is the budget (`--budget`, default issue 14's 40 statements), so a
 * ratio at or below 1 is within it.
 */
export const statementsPerErasure: Benchmark = {
  name: "statements-per-erasure",
  description: "SQL statements and commits per reference-connector erasure, counted by PostgreSQL, against a budget",
  async run({ flags, log }) {
    const requests = Math.round(flags.number("requests", 20));
    const concurrency = Math.round(flags.number("concurrency", 4));
    const seed = Math.round(flags.number("seed", 1));
    const budget = flags.number("budget", 40);
    const loadBefore = loadavg()[0] ?? 0;
    const result = await runEngine({ seed, requests, concurrency }, Math.round(flags.number("top", 25)), log);
    const loadAfter = loadavg()[0] ?? 0;
    if (result.completed !== result.requests) {
      log(`statements-per-erasure: WARNING: only ${result.completed}/${result.requests} completed (${JSON.stringify(result.outcomes)})`);
    }
    log(`statements-per-erasure: the most frequent statements over ${result.requests} erasures (calls per erasure):`);
    for (const statement of result.top) {
      log(`  ${(statement.calls / result.requests).toFixed(2).padStart(7)}  [${statement.source}] ${statement.query}`);
    }
    log(`statements-per-erasure: load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`);
    return rowsOf(result, budget, loadBefore, loadAfter);
  },
};

async function runEngine(
  options: { seed: number; requests: number; concurrency: number },
  top: number,
  log: (message: string) => void,
): Promise<StatementsResult> {
  const sandbox = await startSandboxProcess({ seed: options.seed, people: options.requests, rateLimitPerMinute: 1_000_000_000 });
  const workDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-"));
  try {
    const subjects = (await sandbox.people())
      .filter((person) => person.role === "subject")
      .slice(-options.requests)
      .map((person) => ({
        email: person.identifiers.find((identifier) => identifier.kind === "email")?.value ?? "",
        phone: person.identifiers.find((identifier) => identifier.kind === "phone")?.value ?? "",
      }));
    if (subjects.length < options.requests || subjects.some((subject) => !subject.email || !subject.phone)) {
      throw new Error(`the sandbox seeded ${subjects.length} usable subjects; ${options.requests} are needed`);
    }
    const input: RunInput = {
      sandbox: { url: sandbox.url, settings: sandbox.settings, credentials: { ...sandbox.credentials, apiToken: String(sandbox.credentials.apiToken) } },
      subjects,
      concurrency: options.concurrency,
    };
    const inputFile = join(workDirectory, "statements-input.json");
    await writeFile(inputFile, JSON.stringify(input));
    log(`statements-per-erasure: ${options.requests} erasure requests, concurrency ${options.concurrency}…`);
    return statementsResultSchema.parse(await runChildScript(new URL("./statements-run.ts", import.meta.url), ["--input", inputFile, "--top", String(top)]));
  } finally {
    await sandbox.stop();
    await rm(workDirectory, { recursive: true, force: true });
  }
}

function rowsOf(result: StatementsResult, budget: number, loadBefore: number, loadAfter: number): BenchmarkRow[] {
  const per = (count: number) => count / result.requests;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  const lethe = sum(result.lethe);
  const graphile = sum(result.graphileWorker);
  const all = lethe + graphile;
  return [
    { metric: "statements/erasure (all) vs budget", value: per(all), baseline: budget, better: "lower" },
    { metric: "statements/erasure (ours) vs budget", value: per(lethe), baseline: budget, better: "lower" },
    { metric: "commits/erasure vs budget", value: per(result.commits), baseline: budget, better: "lower" },
    // The split rows' baseline is the total, so their ratio is each kind's share of our statements.
    ...statementKinds.map((kind): BenchmarkRow => ({ metric: `ours: ${kind}/erasure (share)`, value: per(result.lethe[kind]), baseline: per(lethe), better: "lower" })),
    { metric: "graphile-worker statements/erasure (share of all)", value: per(graphile), baseline: per(all), better: "lower" },
    { metric: "requests completed", value: result.completed, baseline: result.requests, better: "equal" },
    { metric: "load average 1 min (after vs before)", value: loadAfter, baseline: loadBefore, better: "lower" },
  ];
}
