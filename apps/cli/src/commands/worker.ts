import path from "node:path";
import type { Command } from "commander";
import { startWorker } from "@lethe/runtime";
import { createConsoleLog } from "../console-log";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { parsePositiveInteger } from "../parse-options";
import { waitForShutdownSignal } from "../shutdown-signal";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run one more worker process against the same database (scale-out).")
    .option("--concurrency <n>", "jobs run at once by this process", "4")
    .action(async (options: { concurrency: string }) => {
      const env = readEnvironment();
      const concurrency = parsePositiveInteger("--concurrency", options.concurrency);
      const lethe = await openLethe(env);
      const worker = await startWorker({
        db: lethe.database,
        registry: lethe.registry,
        secretBox: lethe.secretBox,
        exportDirectory: path.join(env.home, "exports"),
        concurrency,
        log: createConsoleLog(env.logLevel),
      });
      console.log(`worker running (concurrency ${concurrency}); Ctrl-C to stop`);
      await waitForShutdownSignal();
      await worker.stop();
      await lethe.close();
    });
}
