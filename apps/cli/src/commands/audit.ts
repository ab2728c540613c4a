import type { Command } from "commander";
import { writeAuditCheckpoint } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("The hash-chained audit log.");
  audit
    .command("verify")
    .description(
      "Recompute the audit chain and compare it with the latest signed checkpoint; exits 1 if any entry was changed, removed or inserted, or the log was truncated. Checkpoints an intact chain.",
    )
    .action(async () => {
      const lethe = await openLethe(readEnvironment());
      try {
        const { verification, written } = await writeAuditCheckpoint(lethe.database, lethe.auditCheckpoints);
        if (verification.ok) {
          const against = written ? " (checkpoint written)" : verification.checkpoint ? `; checkpoint at ${verification.checkpoint.at}` : "";
          console.log(`audit chain intact: ${verification.count} entries${against}`);
        } else {
          console.error(verification.message);
          process.exitCode = 1;
        }
      } finally {
        await lethe.close();
      }
    });
}
