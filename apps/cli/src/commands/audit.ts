import type { Command } from "commander";
import { verifyAuditLog } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("The hash-chained audit log.");
  audit
    .command("verify")
    .description("Recompute the audit chain; exits 1 if any entry was changed, removed or inserted.")
    .action(async () => {
      const lethe = await openLethe(readEnvironment());
      try {
        const result = await verifyAuditLog(lethe.database);
        if (result.ok) {
          console.log(`audit chain intact: ${result.count} entries`);
        } else {
          console.error(`audit chain BROKEN at entry ${result.seq}: ${result.reason}`);
          process.exitCode = 1;
        }
      } finally {
        await lethe.close();
      }
    });
}
