import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";

/**
 * The CLI's version, from apps/cli/package.json: one directory above both the sources
 * (src/bin.ts, under tsx) and the build (dist/bin.js, one bundle).
 */
export function cliVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return z.object({ version: z.string() }).parse(manifest).version;
}

function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) names.unshift(current.name());
  return names;
}

/**
 * How every command reports a mistake in its arguments: `lethe: <what is wrong>` on a line of
 * its own on stderr, like the commands' own refusals, then that command's usage and where its
 * help is, rather than the whole help text the message got lost in. Exit code 2 (input the user
 * can correct, as report-failure.ts), 0 for --help and --version.
 */
export function configureProgramOutput(program: Command): void {
  const visit = (command: Command) => {
    const path = ["lethe", ...commandPath(command)].join(" ");
    command
      .configureOutput({ outputError: (message, write) => write(`lethe: ${message.replace(/^error: /, "")}`) })
      .showHelpAfterError(`usage: ${path} ${command.usage()}\n(see \`pnpm ${path} --help\`)`)
      .exitOverride((error) => {
        process.exit(error.exitCode === 0 ? 0 : 2);
      });
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}
