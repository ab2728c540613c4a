import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/** What the console's build is made from, relative to its package directory. */
const sourceRoots = ["src", "index.html", "vite.config.ts"];

/** Where the build records the fingerprint of the sources it was made from. */
export function buildStampPath(packageDirectory: string): string {
  return path.join(packageDirectory, "dist", "console-build.json");
}

/**
 * A hash of every source file's path and content, or null where the sources are not there (an
 * installed package rather than a checkout). By content, not modification time: turbo restores a
 * cached build without rewriting it, and git rewrites files it checks out, so times say little.
 */
export async function fingerprintConsoleSources(packageDirectory: string): Promise<string | null> {
  if (!(await stat(path.join(packageDirectory, "src")).catch(() => null))) return null;
  const hash = createHash("sha256");
  for (const root of sourceRoots) {
    for (const file of await filesUnder(path.join(packageDirectory, root))) {
      hash.update(path.relative(packageDirectory, file).split(path.sep).join("/"));
      hash.update("\0");
      hash.update(await readFile(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

async function filesUnder(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [target];
  const files: string[] = [];
  for (const entry of (await readdir(target)).sort()) {
    if (entry === "node_modules") continue;
    files.push(...(await filesUnder(path.join(target, entry))));
  }
  return files;
}
