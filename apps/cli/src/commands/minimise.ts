import type { Command } from "commander";
import { minimiseClosedRequests } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { parsePositiveInteger } from "../parse-options";

export function registerMinimiseCommand(program: Command): void {
  program
    .command("minimise")
    .description(
      "Minimise Lethe's own data now (the worker also does it every 10 minutes): every request closed longer ago than the retention period keeps its counts, receipts and audit trail but loses the subject's identifiers (kept only as keyed hashes on the suppression list) and its export bundle.",
    )
    .option("--retention-days <days>", "override LETHE_REQUEST_RETENTION_DAYS for this run (0: every closed request)")
    .action(async (options: { retentionDays?: string }) => {
      const env = readEnvironment();
      const retentionDays =
        options.retentionDays === undefined
          ? env.requestRetentionDays
          : options.retentionDays === "0"
            ? 0
            : parsePositiveInteger("--retention-days", options.retentionDays);
      const lethe = await openLethe(env);
      try {
        const result = await minimiseClosedRequests(lethe, { retentionDays });
        console.log(
          `minimised ${result.minimised} request(s) closed before ${result.closedBefore.toISOString()} (retention ${result.retentionDays} days)`,
        );
      } finally {
        await lethe.close();
      }
    });
}
