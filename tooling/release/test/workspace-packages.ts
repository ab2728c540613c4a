import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const manifestSchema = z.object({
  name: z.string(),
  version: z.string(),
  private: z.boolean().optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  peerDependenciesMeta: z.record(z.string(), z.object({ optional: z.boolean().optional() })).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface WorkspacePackage {
  directory: string;
  manifest: Manifest;
}

/** Every package of the workspace's apps/, packages/ and connectors/, by name. */
export async function workspacePackages(): Promise<Map<string, WorkspacePackage>> {
  const found = new Map<string, WorkspacePackage>();
  for (const group of ["apps", "packages", "connectors"]) {
    for (const entry of await readdir(path.join(repositoryRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const directory = path.join(repositoryRoot, group, entry.name);
      const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(directory, "package.json"), "utf8")));
      found.set(manifest.name, { directory, manifest });
    }
  }
  return found;
}

/**
 * The named packages and every workspace package they need at run time (dependencies and
 * required peers, transitively): what an npm user installs together, since none is on the
 * registry yet.
 */
export function runtimeClosure(names: readonly string[], packages: ReadonlyMap<string, WorkspacePackage>): string[] {
  const needed = new Set<string>();
  const visit = (name: string) => {
    const found = packages.get(name);
    if (!found || needed.has(name)) return;
    needed.add(name);
    const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {} } = found.manifest;
    for (const dependency of Object.keys(dependencies)) visit(dependency);
    for (const peer of Object.keys(peerDependencies)) if (!peerDependenciesMeta[peer]?.optional) visit(peer);
  };
  for (const name of names) visit(name);
  return [...needed].sort();
}
