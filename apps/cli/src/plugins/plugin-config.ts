import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { UsageError } from "../report-failure";

export const pluginConfigFile = "lethe.config.json";

const configSchema = z.strictObject({
  connectors: z.array(z.string().trim().min(1, "must not be empty")).default([]),
});

/**
 * The connectors `lethe.config.json` in the installation directory names, or none without the
 * file. Plain JSON read with zod rather than a config-discovery library: one file in one known
 * place is all an installation needs, and its errors name the field.
 */
export async function readPluginConfig(installationDirectory: string): Promise<string[]> {
  const file = path.join(installationDirectory, pluginConfigFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new UsageError(`${file}: ${issues}`);
  }
  return parsed.data.connectors;
}
