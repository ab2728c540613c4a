import { InvalidIdentifierError } from "@lethe/core";
import { EnvironmentError, type CliLogLevel } from "./env";
import { PluginRefusedError } from "./plugins/load-plugins";

/**
 * Exit codes: 2 for input the user can correct, 1 for everything else. At `debug` (the level
 * env.ts read) an unexpected failure's stack trace follows its message.
 */
export function reportFailure(error: unknown, logLevel: CliLogLevel): number {
  if (error instanceof InvalidIdentifierError || error instanceof EnvironmentError || error instanceof UsageError || error instanceof PluginRefusedError) {
    process.stderr.write(`lethe: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`lethe: ${message}\n`);
  if (logLevel === "debug" && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  return 1;
}

/** A command was given arguments it cannot act on; the message says which and why. */
export class UsageError extends Error {
  override name = "UsageError";
}
