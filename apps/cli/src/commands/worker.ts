import path from "node:path";
import type { Command } from "commander";
import { startWorker } from "@lethe/runtime";
import { createConsoleLog } from "../console-log";
import { readEnvironment } from "../env";
import { applyRetentionFile, describeSync } from "../retention-file";
import { openLethe } from "../open-lethe";
import { parsePositiveInteger } from "../parse-options";
import { waitForShutdownSignal } from "../shutdown-signal";
import { workerProgressLine, workerStoppedLine } from "../worker-progress-line";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run one more worker process against the same database (scale-out).")
    .option("--concurrency <n>", "jobs run at once by this process", "4")
    .option("--progress-interval <seconds>", "how often to log a progress and liveness line (info level)", "60")
    .action(async (options: { concurrency: string; progressInterval: string }) => {
      const env = readEnvironment();
      const concurrency = parsePositiveInteger("--concurrency", options.concurrency);
      const intervalSeconds = parsePositiveInteger("--progress-interval", options.progressInterval);
      const log = createConsoleLog(env.logLevel);
      const lethe = await openLethe(env);
      try {
        const retentionSync = await applyRetentionFile(env, lethe);
        if (retentionSync) log("info", describeSync(retentionSync), {});
        const worker = await startWorker({
          db: lethe.database,
          registry: lethe.registry,
          secretBox: lethe.secretBox,
          exportDirectory: path.join(env.home, "exports"),
          concurrency,
          log,
          dueSoonDays: env.dueSoonDays,
          requestRetentionDays: env.requestRetentionDays,
          policy: env.enginePolicy,
          auditCheckpoints: { ...lethe.auditCheckpoints, intervalMs: env.auditCheckpoints.intervalMs },
          outboundAllow: env.outboundAllow,
        });
        console.log(`worker running (concurrency ${concurrency}, pid ${process.pid}); Ctrl-C or SIGTERM to stop`);
        let previous = worker.progress();
        const ticker = setInterval(() => {
          const now = worker.progress();
          log("info", workerProgressLine(now, previous, intervalSeconds));
          previous = now;
        }, intervalSeconds * 1000);
        await waitForShutdownSignal();
        clearInterval(ticker);
        await worker.stop();
        console.log(workerStoppedLine(worker.progress()));
      } finally {
        await lethe.close();
      }
    });
}
