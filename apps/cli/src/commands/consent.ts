import type { Command } from "commander";
import { consentGapReport, ConsentEvidenceNotSupportedError, getConsentSync, InvalidSweepIntervalError, startConsentSync, type ConsentSyncState } from "@lethe/runtime";
import { commandHint } from "../command-hint";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { table } from "../text-table";

/** How often `--wait` looks at the read's progress. */
const pollMs = 1_000;

export function registerConsentCommands(program: Command): void {
  const consent = program.command("consent").description("The consent ledger: each call participant's consent to be recorded (docs/consent-ledger.md).");
  consent
    .command("read")
    .description("Read the consent evidence of a recorder instance's calls into the ledger; a worker (lethe worker or lethe start) runs it.")
    .requiredOption("--instance <id>", "the connector instance id")
    .option("--interval <start/end>", "only calls that started in this ISO 8601 interval (default: every call until now)")
    .option("--wait", "wait until the read has finished, printing its progress")
    .option("--timeout <seconds>", "with --wait: give up after this many seconds", "3600")
    .action(async (options: { instance: string; interval?: string; wait?: boolean; timeout: string }) => {
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const started = await startConsentSync(lethe.database, lethe.registry, {
          instanceId: options.instance,
          actor: "cli",
          ...(options.interval ? { interval: options.interval } : {}),
        }).catch((error: unknown) => {
          if (error instanceof ConsentEvidenceNotSupportedError || error instanceof InvalidSweepIntervalError) {
            process.stderr.write(`${error.message}\n`);
            process.exitCode = 2;
            return undefined;
          }
          throw error;
        });
        if (!started) return;
        console.log(`Consent-ledger read ${started.id} queued for instance ${started.instanceId} over ${started.interval}`);
        if (!options.wait) return;
        const deadline = Date.now() + Number(options.timeout) * 1000;
        let last = "";
        for (;;) {
          const state = await getConsentSync(lethe.database, started.id);
          if (!state) throw new Error(`read ${started.id} vanished`);
          const line = describeRead(state);
          if (line !== last) console.log(line);
          last = line;
          if (state.status === "completed") return;
          if (state.status === "failed") {
            process.exitCode = 1;
            return;
          }
          if (Date.now() > deadline) {
            process.stderr.write(`gave up waiting; the read goes on: ${commandHint(env, "consent", "gaps")}\n`);
            process.exitCode = 1;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      } finally {
        await lethe.close();
      }
    });
  consent
    .command("gaps")
    .description("Call participants whose recording lacks the consent their rule needs, by system and month, then one per line.")
    .option("--instance <id>", "only this connector instance")
    .option("--from <instant>", "calls that started at or after this ISO 8601 instant")
    .option("--to <instant>", "calls that started before this ISO 8601 instant")
    .option("--json", "print the report as JSON")
    .action(async (options: { instance?: string; from?: string; to?: string; json?: boolean }) => {
      const bad = [options.from, options.to].find((value) => value !== undefined && Number.isNaN(Date.parse(value)));
      if (bad !== undefined) {
        process.stderr.write(`"${bad}" is not an ISO 8601 instant\n`);
        process.exitCode = 2;
        return;
      }
      const lethe = await openLethe(readEnvironment());
      try {
        const report = await consentGapReport(lethe.database, {
          limit: 1000,
          offset: 0,
          ...(options.instance ? { instanceId: options.instance } : {}),
          ...(options.from ? { from: new Date(options.from) } : {}),
          ...(options.to ? { to: new Date(options.to) } : {}),
        });
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        if (report.total === 0) {
          console.log("No call participant lacks consent.");
          return;
        }
        console.log(table([["system", "month", "participants", "calls"], ...report.summary.map((row) => [row.instanceName, row.period, String(row.participants), String(row.calls)])]));
        console.log("");
        console.log(
          table([
            ["entry", "call", "started", "role", "rule", "lacking consent (ms)"],
            ...report.entries.map((entry) => [
              entry.id,
              entry.recordId,
              entry.callStartedAt.toISOString(),
              entry.role,
              `${entry.rule} (${entry.region})`,
              (entry.unconsented as Array<{ fromMs: number; toMs: number }>).map((stretch) => `${stretch.fromMs}-${stretch.toMs}`).join(", "),
            ]),
          ]),
        );
      } finally {
        await lethe.close();
      }
    });
}

function describeRead(state: ConsentSyncState): string {
  const counts = `${state.calls} calls read, ${state.participants} participants, ${state.unconsented} lacking consent`;
  return `${state.status}: ${counts}${state.error ? ` — ${state.error}` : ""}`;
}
