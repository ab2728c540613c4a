import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// Found through the package's own name, so the path is the same from src/build/ (tests, tsx) and
// from dist/ (the built CLI).
const packageDirectory = path.dirname(createRequire(import.meta.url).resolve("@lethe/console/package.json"));

/** Where `pnpm build` puts the console (Vite's output) in a package directory; the API serves it at `/`. */
function distDirectoryOf(directory: string): string {
  return path.join(directory, "dist", "web");
}

export const consoleDistDirectory = distDirectoryOf(packageDirectory);

export type ConsoleBuildVerdict =
  | { kind: "ready"; directory: string }
  | { kind: "missing"; directory: string }
  | { kind: "stale"; directory: string; builtAt: Date; changedAt: Date };

/**
 * Whether the console can be served as built. `newestSourceAt` is null where the console's
 * sources are not there (an installed package rather than a checkout): then only a missing build
 * counts, since there is nothing to compare it with.
 */
export function judgeConsoleBuild(input: { directory: string; builtAt: number | null; newestSourceAt: number | null }): ConsoleBuildVerdict {
  const { directory, builtAt, newestSourceAt } = input;
  if (builtAt === null) return { kind: "missing", directory };
  if (newestSourceAt !== null && newestSourceAt > builtAt) {
    return { kind: "stale", directory, builtAt: new Date(builtAt), changedAt: new Date(newestSourceAt) };
  }
  return { kind: "ready", directory };
}

/** What an operator reads when the console cannot be served; null when it can. */
export function describeConsoleBuildProblem(verdict: ConsoleBuildVerdict): string | null {
  switch (verdict.kind) {
    case "ready":
      return null;
    case "missing":
      return `The console is not built (no ${path.join(verdict.directory, "index.html")}). Run \`pnpm build\` in the repository, then start again.`;
    case "stale":
      return (
        `The console build (${verdict.builtAt.toISOString()}) is older than its sources (changed ${verdict.changedAt.toISOString()}). ` +
        "Run `pnpm build` in the repository, then start again."
      );
  }
}

/**
 * Looks at the build and the sources on disk. The build's stamp is its `index.html` (Vite writes
 * it on every build); the sources are what the build is made from.
 */
export async function inspectConsoleBuild(directory = packageDirectory): Promise<ConsoleBuildVerdict> {
  const distDirectory = distDirectoryOf(directory);
  const builtAt = await stat(path.join(distDirectory, "index.html")).then(
    (info) => info.mtimeMs,
    () => null,
  );
  let newestSourceAt: number | null = null;
  for (const source of ["src", "index.html", "vite.config.ts"]) {
    const modified = await newestModification(path.join(directory, source));
    if (modified !== null) newestSourceAt = Math.max(newestSourceAt ?? 0, modified);
  }
  return judgeConsoleBuild({ directory: distDirectory, builtAt, newestSourceAt });
}

/** The directory to serve, or a ConsoleBuildError saying what to run. */
export async function requireConsoleBuild(): Promise<string> {
  const verdict = await inspectConsoleBuild();
  const problem = describeConsoleBuildProblem(verdict);
  if (problem !== null) throw new ConsoleBuildError(problem);
  return verdict.directory;
}

async function newestModification(target: string): Promise<number | null> {
  const info = await stat(target).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    newest = Math.max(newest, (await newestModification(path.join(target, entry))) ?? 0);
  }
  return newest;
}

export class ConsoleBuildError extends Error {
  override name = "ConsoleBuildError";
}
