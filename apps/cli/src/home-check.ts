import { readdir } from "node:fs/promises";
import type { LetheEnvironment } from "./env";

/** What Lethe writes into its home on first use: the embedded cluster and its keys. */
const marksOfUse = ["pg", "secret.key", "audit-checkpoint.key"];

/** Whether a home's entries show Lethe has used it (a first run finds none of its files). */
export function homeWasUsed(entries: readonly string[]): boolean {
  return entries.some((entry) => marksOfUse.includes(entry));
}

/**
 * The warning for a command about to create a new, empty embedded database: a mistyped
 * LETHE_HOME otherwise silently shows "no requests". None with DATABASE_URL (the database is
 * elsewhere) or once the home holds Lethe's files.
 */
export async function newHomeWarning(env: Pick<LetheEnvironment, "home" | "databaseUrl" | "homeIsDefault">): Promise<string | undefined> {
  if (env.databaseUrl) return undefined;
  const entries = await readdir(env.home).catch(() => []);
  if (homeWasUsed(entries)) return undefined;
  const named = env.homeIsDefault ? `${env.home} (the default LETHE_HOME)` : `LETHE_HOME=${env.home}`;
  return `warning: ${named} holds no Lethe database yet; starting a new empty one (is the path right?)`;
}
