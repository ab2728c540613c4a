import { shellWord, type LetheEnvironment } from "./env";

/**
 * The command a user types next, e.g. `LETHE_HOME=/srv/lethe pnpm lethe request approve <id>`:
 * after the environment's `commandPrefix` (LETHE_HOME and LETHE_PORT when not the defaults), so
 * the hint, pasted, reaches the same database. Placeholders in angle brackets stay unquoted.
 */
export function commandHint(env: Pick<LetheEnvironment, "commandPrefix">, ...args: string[]): string {
  return `${env.commandPrefix}${["pnpm", "lethe", ...args.map((arg) => (arg.startsWith("<") ? arg : shellWord(arg)))].join(" ")}`;
}
