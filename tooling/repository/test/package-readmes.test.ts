import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Every workspace package's folder, relative to the repository root. */
function workspacePackages(): string[] {
  return ["apps", "packages", "connectors", "tooling"].flatMap((group) =>
    readdirSync(path.join(repositoryRoot, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(repositoryRoot, group, entry.name, "package.json")))
      .map((entry) => `${group}/${entry.name}`),
  );
}

describe("every package explains itself", () => {
  it("has a README that says what it may import", () => {
    const packages = workspacePackages();
    expect(packages.length).toBeGreaterThan(15);
    const lacking = packages.filter((dir) => {
      const readme = path.join(repositoryRoot, dir, "README.md");
      return !existsSync(readme) || !/may import/i.test(readFileSync(readme, "utf8"));
    });
    expect(lacking).toEqual([]);
  });
});
