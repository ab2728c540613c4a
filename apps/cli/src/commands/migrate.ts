import type { Command } from "commander";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply Lethe's database migrations (and the job queue's) and exit.")
    .action(async () => {
      const lethe = await openLethe(readEnvironment());
      await lethe.close();
      console.log("migrations applied");
    });
}
