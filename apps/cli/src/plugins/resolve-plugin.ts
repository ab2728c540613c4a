import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import resolvePackage from "resolve-pkg";
import { exports as resolveExports } from "resolve.exports";
import { isPathSpecifier } from "./plugin-specifiers";

/** Where a plugin package's two entry points are, found from the installation directory. */
export interface ResolvedPlugin {
  specifier: string;
  packageName: string;
  packageVersion: string;
  directory: string;
  connectorUrl: string;
  /** Its `./sandbox` export, if it has one. */
  sandboxUrl: string | undefined;
}

// ESM plugins: `import` first, then what Node itself matches.
const conditions = ["import", "node", "default"];

/**
 * Finds the package a specifier names from the installation directory (its node_modules, or the
 * path given), never from Lethe's own dependencies, and reads its entry points from package.json's
 * `exports` (or `main`). Returns a sentence saying why not when it cannot.
 */
export async function resolvePlugin(specifier: string, installationDirectory: string): Promise<ResolvedPlugin | string> {
  const directory = isPathSpecifier(specifier)
    ? path.resolve(installationDirectory, specifier)
    : resolvePackage(specifier, { cwd: installationDirectory });
  if (!directory) return `it is not installed in ${installationDirectory} (npm install it there)`;
  let manifest: { name?: string; version?: string; exports?: unknown; main?: string };
  try {
    manifest = JSON.parse(await readFile(path.join(directory, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return `${directory} holds no readable package.json`;
  }
  const entry = entryPoint(manifest, ".");
  if (!entry) return `its package.json exports no "." entry point`;
  const sandbox = entryPoint(manifest, "./sandbox");
  return {
    specifier,
    packageName: manifest.name ?? specifier,
    packageVersion: manifest.version ?? "0.0.0",
    directory,
    connectorUrl: pathToFileURL(path.join(directory, entry)).href,
    sandboxUrl: sandbox ? pathToFileURL(path.join(directory, sandbox)).href : undefined,
  };
}

function entryPoint(manifest: { name?: string; exports?: unknown; main?: string }, subpath: "." | "./sandbox"): string | undefined {
  if (manifest.exports === undefined) return subpath === "." ? (manifest.main ?? "index.js") : undefined;
  try {
    return resolveExports(manifest as Parameters<typeof resolveExports>[0], subpath, { conditions, unsafe: true })?.[0];
  } catch {
    // resolve.exports throws for a subpath the package does not export.
    return undefined;
  }
}
