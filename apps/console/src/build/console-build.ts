import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { buildStampPath, fingerprintConsoleSources } from "./source-fingerprint";

// Found through the package's own name, so the path is the same from src/build/ (tests, tsx) and
// from dist/ (the built CLI).
const packageDirectory = path.dirname(createRequire(import.meta.url).resolve("@lethe/console/package.json"));

/** Where `pnpm build` puts the console (Vite's output) in a package directory; the API serves it at `/`. */
function distDirectoryOf(directory: string): string {
  return path.join(directory, "dist", "web");
}

export const consoleDistDirectory = distDirectoryOf(packageDirectory);

/** What the build writes beside its output (see vite.config.ts). */
export const buildStampSchema = z.object({ sources: z.string() });

export type ConsoleBuildVerdict =
  | { kind: "ready"; directory: string }
  | { kind: "missing"; directory: string }
  | { kind: "stale"; directory: string };

/**
 * Whether the console can be served as built. `builtFrom` is the sources' fingerprint the build
 * recorded (null: no build); `sourcesNow` is theirs now, null where the sources are not there (an
 * installed package rather than a checkout): then only a missing build counts.
 */
export function judgeConsoleBuild(input: { directory: string; builtFrom: string | null; sourcesNow: string | null }): ConsoleBuildVerdict {
  const { directory, builtFrom, sourcesNow } = input;
  if (builtFrom === null) return { kind: "missing", directory };
  if (sourcesNow !== null && sourcesNow !== builtFrom) return { kind: "stale", directory };
  return { kind: "ready", directory };
}

/** What an operator reads when the console cannot be served; null when it can. */
export function describeConsoleBuildProblem(verdict: ConsoleBuildVerdict): string | null {
  switch (verdict.kind) {
    case "ready":
      return null;
    case "missing":
      return `The console is not built (nothing in ${verdict.directory}). Run \`pnpm build\` in the repository, then start again.`;
    case "stale":
      return "The console build is older than its sources (apps/console/src changed since). Run `pnpm build` in the repository, then start again.";
  }
}

/** Reads the build's stamp and fingerprints the sources on disk. */
export async function inspectConsoleBuild(directory = packageDirectory): Promise<ConsoleBuildVerdict> {
  const distDirectory = distDirectoryOf(directory);
  const servable = await readFile(path.join(distDirectory, "index.html")).then(
    () => true,
    () => false,
  );
  const builtFrom = servable ? await readBuildStamp(directory) : null;
  return judgeConsoleBuild({ directory: distDirectory, builtFrom, sourcesNow: await fingerprintConsoleSources(directory) });
}

/** The directory to serve, or a ConsoleBuildError saying what to run. */
export async function requireConsoleBuild(): Promise<string> {
  const verdict = await inspectConsoleBuild();
  const problem = describeConsoleBuildProblem(verdict);
  if (problem !== null) throw new ConsoleBuildError(problem);
  return verdict.directory;
}

async function readBuildStamp(directory: string): Promise<string | null> {
  const text = await readFile(buildStampPath(directory), "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const parsed = buildStampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.sources : null;
  } catch {
    return null;
  }
}

export class ConsoleBuildError extends Error {
  override name = "ConsoleBuildError";
}
