import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderPackageJson, renderToolConfigs, standaloneVersions } from "./package-layout";

interface Manifest {
  keywords: string[];
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const parse = (text: string) => JSON.parse(text) as Manifest;

describe("the scaffolded package.json", () => {
  it("in the workspace: workspace:* for our packages, catalog: for the rest, and the repository's presets", () => {
    const manifest = parse(renderPackageJson({ kind: "workspace" }, "@lethe/connector-acme", "acme"));
    expect(manifest.dependencies).toEqual({ "@lethe/connector-sdk": "workspace:*", zod: "catalog:" });
    expect(manifest.devDependencies["@lethe/connector-testkit"]).toBe("workspace:*");
    expect(manifest.devDependencies["@lethe/eslint-config"]).toBe("workspace:*");
    expect(Object.keys(manifest.exports)).toEqual([".", "./sandbox"]);
    expect(manifest.keywords).toContain("lethe-connector");
    expect(renderToolConfigs({ kind: "workspace" })["tsconfig.json"]).toContain("@lethe/tsconfig/base.json");
  });

  it("standalone beside a checkout: link: to the checkout's packages, versions for the rest, no private preset", () => {
    const layout = { kind: "standalone", lethe: { from: "checkout", checkout: "/src/lethe" } } as const;
    const manifest = parse(renderPackageJson(layout, "lethe-connector-acme", "acme"));
    expect(manifest.dependencies["@lethe/connector-sdk"]).toBe("link:/src/lethe/packages/connector-sdk");
    expect(manifest.devDependencies["@lethe/sandbox-kit"]).toBe("link:/src/lethe/packages/sandbox-kit");
    expect(manifest.devDependencies.vitest).toBe(standaloneVersions.vitest);
    expect(Object.keys(manifest.devDependencies).filter((name) => name.startsWith("@lethe/"))).toEqual(["@lethe/connector-testkit", "@lethe/sandbox-kit"]);
    expect(renderToolConfigs(layout)["eslint.config.js"]).not.toContain("@lethe/");
  });

  it("standalone from a released Lethe: our packages by version range", () => {
    const manifest = parse(renderPackageJson({ kind: "standalone", lethe: { from: "registry", version: "0.3.0" } }, "lethe-connector-acme", "acme"));
    expect(manifest.dependencies["@lethe/connector-sdk"]).toBe("^0.3.0");
  });

  it("pins the workspace catalog's versions (pnpm-workspace.yaml), so the package builds with what Lethe is tested with", () => {
    const workspace = readFileSync(new URL("../../../../pnpm-workspace.yaml", import.meta.url), "utf8");
    for (const [name, version] of Object.entries(standaloneVersions)) {
      const pattern = new RegExp(`^\\s+"?${name.replace(/[/@.-]/g, "\\$&")}"?: ${version.replace(/[.^~]/g, "\\$&")}\\s*$`, "m");
      expect(workspace, `${name} ${version}`).toMatch(pattern);
    }
  });
});
