import { randomUUID } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDirectory = fileURLToPath(new URL("../../", import.meta.url));

/** Where the production build lives; the API serves it at `/`. */
export const consoleDistDirectory = path.join(packageDirectory, "dist");

/** What the build is made from: a newer file here than the build means the build is stale. */
const sources = [
  path.join(packageDirectory, "src"),
  path.join(packageDirectory, "index.html"),
  path.join(packageDirectory, "vite.config.ts"),
  fileURLToPath(new URL("../../../../packages/contracts/src", import.meta.url)),
];

export interface ConsoleBuild {
  directory: string;
  /** False when an up-to-date build was already there. */
  built: boolean;
  durationMs: number;
}

/**
 * Makes sure `dist` holds a build of the current sources, building it (a few seconds) when it is
 * missing or older than any source file. Builds into a private directory and then swaps it in, so
 * several processes starting at once (tests, `lethe start`) never see a half-written build.
 */
export async function ensureConsoleBuilt(options: { force?: boolean } = {}): Promise<ConsoleBuild> {
  const started = Date.now();
  if (!options.force && (await isFresh())) return { directory: consoleDistDirectory, built: false, durationMs: 0 };

  const staging = path.join(packageDirectory, `.dist-${randomUUID()}`);
  try {
    const { build } = await import("vite");
    await build({
      configFile: path.join(packageDirectory, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: staging, emptyOutDir: true },
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new ConsoleBuildError(`Building the console failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const retired = path.join(packageDirectory, `.dist-old-${randomUUID()}`);
  await rename(consoleDistDirectory, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  try {
    await rename(staging, consoleDistDirectory);
  } catch (error) {
    // Another process swapped its build in between our two renames; theirs is as good as ours.
    if ((error as NodeJS.ErrnoException).code !== "ENOTEMPTY" && (error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    await rm(staging, { recursive: true, force: true });
  }
  await rm(retired, { recursive: true, force: true });
  return { directory: consoleDistDirectory, built: true, durationMs: Date.now() - started };
}

async function isFresh(): Promise<boolean> {
  const builtAt = await stat(path.join(consoleDistDirectory, "index.html")).then(
    (s) => s.mtimeMs,
    () => null,
  );
  if (builtAt === null) return false;
  for (const source of sources) {
    if ((await newestModification(source)) > builtAt) return false;
  }
  return true;
}

async function newestModification(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, await newestModification(path.join(target, entry)));
  }
  return newest;
}

export class ConsoleBuildError extends Error {
  override name = "ConsoleBuildError";
}
