import { readFile } from "node:fs/promises";
import { retentionFileSchema, type RetentionFile } from "@lethe/contracts";
import type { Database } from "@lethe/db";
import { syncRetentionFile, type ConnectorRegistry, type RetentionFileSync } from "@lethe/runtime";
import type { LetheEnvironment } from "./env";
import { UsageError } from "./report-failure";

/**
 * The retention schedules file parsed with the API's own schema (the console's form, the API and the
 * file share it); every problem is named by its path. Undefined when the default file is absent.
 */
export async function readRetentionFile(location: LetheEnvironment["retentionFile"]): Promise<RetentionFile | undefined> {
  let text: string;
  try {
    text = await readFile(location.path, "utf8");
  } catch (error) {
    if (!location.required && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`retention file: cannot read ${location.path} (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`retention file: ${location.path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = retentionFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new UsageError(`retention file ${location.path}: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** Reads the file (if any) and makes the stored schedules match it: the file wins. */
export async function applyRetentionFile(
  env: LetheEnvironment,
  lethe: { database: Database; registry: ConnectorRegistry },
): Promise<RetentionFileSync | undefined> {
  const file = await readRetentionFile(env.retentionFile);
  if (!file) return undefined;
  return syncRetentionFile({ database: lethe.database, registry: lethe.registry }, file, "retention-file");
}

export function describeSync(sync: RetentionFileSync): string {
  const parts = (["created", "updated", "unchanged", "removed"] as const)
    .filter((key) => sync[key].length > 0)
    .map((key) => `${key} ${sync[key].map((name) => `"${name}"`).join(", ")}`);
  return `retention file applied: ${parts.length > 0 ? parts.join("; ") : "no schedules"}`;
}
