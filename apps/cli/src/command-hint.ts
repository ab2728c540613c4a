import type { LetheEnvironment } from "./env";

/** A value as a POSIX shell reads it back: bare when safe, else in single quotes. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command a user types next, e.g. `LETHE_HOME=/srv/lethe pnpm lethe request approve <id>`:
 * with the LETHE_HOME and LETHE_PORT this command ran with when they are not the defaults, so
 * the hint, pasted, reaches the same database.
 */
export function commandHint(env: Pick<LetheEnvironment, "nonDefaultSettings">, ...args: string[]): string {
  const settings = env.nonDefaultSettings.map((setting) => `${setting.name}=${shellWord(setting.value)}`);
  return [...settings, "pnpm", "lethe", ...args.map((arg) => (arg.startsWith("<") ? arg : shellWord(arg)))].join(" ");
}
