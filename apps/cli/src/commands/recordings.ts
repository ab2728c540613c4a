import type { Command } from "commander";
import { getPciSweep, InvalidSweepIntervalError, PciSweepNotSupportedError, startPciSweep, type PciSweepState } from "@lethe/runtime";
import { commandHint } from "../command-hint";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";

/** How often `--wait` looks at the sweep's progress. */
const pollMs = 1_000;

export function registerRecordingsCommands(program: Command): void {
  const recordings = program.command("recordings").description("Call recordings beyond requests.");
  recordings
    .command("pci-sweep")
    .description(
      "Remove spoken card numbers (caller or agent read-back) from the audio and transcripts of every call of a recorder instance; a worker (lethe worker or lethe start) runs it.",
    )
    .requiredOption("--instance <id>", "the recorder's connector instance id")
    .option("--interval <start/end>", "only calls that started in this ISO 8601 interval (default: every call until now)")
    .option("--wait", "wait until the sweep has finished, printing its progress")
    .option("--timeout <seconds>", "with --wait: give up after this many seconds", "3600")
    .action(async (options: { instance: string; interval?: string; wait?: boolean; timeout: string }) => {
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const sweep = await startPciSweep(lethe.database, lethe.registry, {
          instanceId: options.instance,
          actor: "cli",
          ...(options.interval ? { interval: options.interval } : {}),
        }).catch((error: unknown) => {
          if (error instanceof PciSweepNotSupportedError || error instanceof InvalidSweepIntervalError) {
            process.stderr.write(`${error.message}\n`);
            process.exitCode = 2;
            return undefined;
          }
          throw error;
        });
        if (!sweep) return;
        console.log(`PCI sweep ${sweep.id} queued for instance ${sweep.instanceId} over ${sweep.interval}`);
        if (!options.wait) return;
        const deadline = Date.now() + Number(options.timeout) * 1000;
        let last = "";
        for (;;) {
          const state = await getPciSweep(lethe.database, sweep.id);
          if (!state) throw new Error(`sweep ${sweep.id} vanished`);
          const line = describeSweep(state);
          if (line !== last) console.log(line);
          last = line;
          if (state.status === "completed") return;
          if (state.status === "failed") {
            process.exitCode = 1;
            return;
          }
          if (Date.now() > deadline) {
            process.stderr.write(`gave up waiting; the sweep goes on: ${commandHint(env, "recordings", "pci-sweep-status", sweep.id)}\n`);
            process.exitCode = 1;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      } finally {
        await lethe.close();
      }
    });
  recordings
    .command("pci-sweep-status <sweepId>")
    .description("A PCI sweep's progress and result.")
    .action(async (sweepId: string) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const state = await getPciSweep(lethe.database, sweepId);
        if (!state) {
          process.stderr.write(`no PCI sweep with id ${sweepId}\n`);
          process.exitCode = 2;
          return;
        }
        console.log(describeSweep(state));
      } finally {
        await lethe.close();
      }
    });
}

function describeSweep(state: PciSweepState): string {
  const counts = `${state.recordingsScanned} calls scanned, ${state.cardsRemoved} card numbers removed from ${state.recordingsRedacted} calls (${state.heldRecordingsRedacted} under legal hold)`;
  return `${state.status}: ${counts}${state.error ? ` — ${state.error}` : ""}`;
}
