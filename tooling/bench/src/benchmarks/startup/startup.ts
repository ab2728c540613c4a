import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { benchEnvironment } from "../../bench-environment";
import { openBenchDatabase } from "../erasure-throughput/bench-database";
import { median, timeLethe, type LetheLaunch } from "./lethe-launch";

const launches: readonly LetheLaunch[] = ["built", "tsx-sources"];

/**
 * How long `lethe` takes to answer `--help` and to have a worker taking jobs: the built binary
 * (`pnpm build`) beside tsx compiling the sources at start, which is how `lethe` ran before it had
 * a build. Runs alternate between the two, so a busy moment on the machine hits both alike.
 */
export const startup: Benchmark = {
  name: "startup",
  description: "lethe --help and `lethe worker` ready: the built binary vs tsx on the sources",
  run: async ({ flags, log }): Promise<BenchmarkRow[]> => {
    const runs = flags.number("runs", 5);
    const help: Record<LetheLaunch, number[]> = { built: [], "tsx-sources": [] };
    const worker: Record<LetheLaunch, number[]> = { built: [], "tsx-sources": [] };

    for (let run = 0; run < runs; run += 1) {
      for (const launch of launches) help[launch].push((await timeLethe(launch, ["--help"], process.env)).ms);
    }
    log(`startup: --help built ${Math.round(median(help.built))} ms, tsx ${Math.round(median(help["tsx-sources"]))} ms (median of ${runs})`);

    const home = await mkdtemp(join(tmpdir(), "lethe-bench-startup-"));
    const { database, dispose } = await openBenchDatabase(benchEnvironment.DATABASE_URL);
    try {
      await chmod(home, 0o755);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        LETHE_HOME: home,
        LETHE_SECRET_KEY: randomBytes(32).toString("base64"),
        LETHE_LOG_LEVEL: "warn",
      };
      for (let run = 0; run < runs; run += 1) {
        for (const launch of launches) {
          worker[launch].push((await timeLethe(launch, ["worker", "--concurrency", "1"], env, /worker running/)).ms);
        }
      }
    } finally {
      await dispose();
      await rm(home, { recursive: true, force: true });
    }
    log(`startup: worker ready built ${Math.round(median(worker.built))} ms, tsx ${Math.round(median(worker["tsx-sources"]))} ms (median of ${runs})`);

    return [
      { metric: "lethe --help ms (median)", value: Math.round(median(help.built)), baseline: Math.round(median(help["tsx-sources"])), better: "lower" },
      { metric: "lethe worker ready ms (median)", value: Math.round(median(worker.built)), baseline: Math.round(median(worker["tsx-sources"])), better: "lower" },
    ];
  },
};
