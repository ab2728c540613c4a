import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../report-failure";

/** A connector package on disk: the files its `.` and `./sandbox` exports load. */
export interface ConnectorPackage {
  directory: string;
  name: string;
  connectorEntry: string;
  sandboxEntry: string;
}

type ExportTarget = string | { [condition: string]: ExportTarget } | undefined;

/**
 * Reads the package at `directory`: its TypeScript sources through the `source` condition when they
 * are there (no build needed), else its built files (`import`, then `default`).
 */
export function readConnectorPackage(directory: string): ConnectorPackage {
  const manifestPath = path.join(directory, "package.json");
  if (!existsSync(manifestPath)) throw new UsageError(`${directory} holds no package.json: give the path of a connector package`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: string; exports?: Record<string, ExportTarget> };
  const name = manifest.name ?? path.basename(directory);
  const entry = (subpath: "." | "./sandbox") => {
    const target = resolveTarget(manifest.exports?.[subpath], directory);
    if (!target) {
      throw new UsageError(
        `${name} exports no "${subpath}" in package.json${subpath === "./sandbox" ? ": the conformance suite needs the connector's sandbox" : ""}`,
      );
    }
    return target;
  };
  return { directory, name, connectorEntry: entry("."), sandboxEntry: entry("./sandbox") };
}

function resolveTarget(target: ExportTarget, directory: string): string | undefined {
  if (target === undefined) return undefined;
  if (typeof target === "string") {
    const file = path.resolve(directory, target);
    return existsSync(file) ? file : undefined;
  }
  for (const condition of ["source", "import", "default"]) {
    const file = resolveTarget(target[condition], directory);
    if (file) return file;
  }
  return undefined;
}
