import { Command } from "commander";
import { registerAuditCommands } from "./commands/audit";
import { registerInventoryCommands } from "./commands/inventory";
import { registerConnectorCommands } from "./commands/connector";
import { registerHoldCommands } from "./commands/hold";
import { registerRetentionCommands } from "./commands/retention";
import { registerMigrateCommand } from "./commands/migrate";
import { registerMinimiseCommand } from "./commands/minimise";
import { registerRecordingsCommands } from "./commands/recordings";
import { registerConsentCommands } from "./commands/consent";
import { registerRequestCommands } from "./commands/request";
import { registerSandboxCommands } from "./commands/sandbox";
import { registerStartCommand } from "./commands/start";
import { registerUserCommands } from "./commands/user";
import { registerWebhookCommands } from "./commands/webhook";
import { registerWorkerCommand } from "./commands/worker";
import { cliVersion, configureProgramOutput } from "./program-output";

/** Every `lethe` command, registered and configured; bin.ts runs it, a test reads it (README drift). */
export function createProgram(): Command {
  const program = new Command()
    .name("lethe")
    .description("Lethe: data subject rights across every system that holds personal data.")
    .version(cliVersion(), "-V, --version", "print the version of lethe");

  registerStartCommand(program);
  registerMigrateCommand(program);
  registerWorkerCommand(program);
  registerRequestCommands(program);
  registerSandboxCommands(program);
  registerConnectorCommands(program);
  registerAuditCommands(program);
  registerInventoryCommands(program);
  registerRecordingsCommands(program);
  registerConsentCommands(program);
  registerUserCommands(program);
  registerWebhookCommands(program);
  registerHoldCommands(program);
  registerRetentionCommands(program);
  registerMinimiseCommand(program);
  configureProgramOutput(program);
  return program;
}
