import { readFile } from "node:fs/promises";
import path from "node:path";
import resolvePackage from "resolve-pkg";
import { pluginKeyword } from "./plugin-specifiers";

interface Manifest {
  name?: string;
  keywords?: unknown;
  dependencies?: Record<string, string>;
}

/**
 * The installation's own dependencies (its package.json) whose package.json lists the
 * `lethe-connector` keyword: installing such a package is then all it takes to load it.
 */
export async function discoverKeywordPlugins(installationDirectory: string): Promise<string[]> {
  const manifest = await readManifest(path.join(installationDirectory, "package.json"));
  const found: string[] = [];
  for (const name of Object.keys(manifest?.dependencies ?? {}).sort()) {
    const directory = resolvePackage(name, { cwd: installationDirectory });
    if (!directory) continue;
    const dependency = await readManifest(path.join(directory, "package.json"));
    if (Array.isArray(dependency?.keywords) && dependency.keywords.includes(pluginKeyword)) found.push(name);
  }
  return found;
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
