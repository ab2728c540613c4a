import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot, runtimeClosure, workspacePackages, type WorkspacePackage } from "./workspace-packages";

const run = promisify(execFile);

/** What a connector author installs from npm. */
const published = ["@lethe/connector-sdk", "@lethe/connector-testkit", "@lethe/connector-reference"];

/**
 * `pnpm pack` of the SDK, the testkit and the reference connector (and whatever of ours they need
 * at run time), installed with npm into a project outside the workspace, then imported by plain
 * Node: no tsx, no `source` condition, no workspace links. Catches exports that point at files the
 * tarball lacks, `workspace:` or `catalog:` ranges left in a manifest, and code that only runs
 * from TypeScript sources.
 *
 * It packs the build (`dist/`) and builds first through turbo, which is a cache hit after
 * `pnpm install` or `pnpm build` (both build everything).
 */
describe("the packages a connector author installs from npm", () => {
  let scratch: string;
  let project: string;
  let packages: Map<string, WorkspacePackage>;

  beforeAll(async () => {
    packages = await workspacePackages();
    const closure = runtimeClosure(published, packages);
    await run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...closure.map((name) => `--filter=${name}`)],
      { cwd: repositoryRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }, maxBuffer: 16 * 1024 * 1024 },
    );

    scratch = await mkdtemp(path.join(tmpdir(), "lethe-packed-"));
    const tarballs: Record<string, string> = {};
    for (const name of closure) {
      const { directory } = packages.get(name) ?? { directory: "" };
      const { stdout } = await run("pnpm", ["pack", "--pack-destination", scratch], { cwd: directory });
      const tarball = stdout.trim().split("\n").at(-1) ?? "";
      tarballs[name] = `file:${path.isAbsolute(tarball) ? tarball : path.join(scratch, tarball)}`;
    }

    project = path.join(scratch, "project");
    await run("mkdir", [project]);
    // `overrides`: a tarball's dependency on another of ours names a version, which npm would
    // otherwise look up on the registry.
    await writeFile(
      path.join(project, "package.json"),
      JSON.stringify({ name: "connector-author", private: true, type: "module", dependencies: tarballs, overrides: tarballs }, null, 2),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
  }, 300_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** Runs an ES module snippet under plain Node in the project and returns what it prints. */
  async function nodeIn(script: string): Promise<string> {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    return stdout.trim();
  }

  it("imports the reference connector, whose definition carries its package's id and version", async () => {
    const printed = await nodeIn(
      `const m = await import("@lethe/connector-reference"); console.log(JSON.stringify({ id: m.default.id, version: m.default.version, locate: typeof m.default.locate }));`,
    );
    const version = packages.get("@lethe/connector-reference")?.manifest.version;
    expect(JSON.parse(printed)).toEqual({ id: "reference", version, locate: "function" });
  });

  it("imports the SDK's defineConnector and the testkit's conformance suite", async () => {
    const printed = await nodeIn(
      `const sdk = await import("@lethe/connector-sdk"); const kit = await import("@lethe/connector-testkit"); console.log(typeof sdk.defineConnector, typeof kit.runConformanceSuite);`,
    );
    expect(printed).toBe("function function");
  });

  it("ships declarations beside the JavaScript and no workspace: or catalog: range", async () => {
    const printed = await nodeIn(
      `import { readFileSync, existsSync } from "node:fs";
       const out = {};
       for (const name of ${JSON.stringify(published)}) {
         const dir = "node_modules/" + name;
         const manifest = readFileSync(dir + "/package.json", "utf8");
         out[name] = { types: existsSync(dir + "/dist/index.d.ts"), ranges: /"(workspace|catalog):/.test(manifest) };
       }
       console.log(JSON.stringify(out));`,
    );
    expect(JSON.parse(printed)).toEqual(Object.fromEntries(published.map((name) => [name, { types: true, ranges: false }])));
  });

  it("does not install what only the sandboxes need", async () => {
    const printed = await nodeIn(
      `import { existsSync } from "node:fs"; console.log(["express", "@faker-js/faker", "@lethe/sandbox-kit"].filter((name) => existsSync("node_modules/" + name)).join(","));`,
    );
    expect(printed).toBe("");
  });
});
