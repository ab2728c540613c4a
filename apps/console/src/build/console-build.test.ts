import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeConsoleBuildProblem, inspectConsoleBuild, judgeConsoleBuild } from "./console-build";

describe("judging the console build", () => {
  const directory = "/lethe/apps/console/dist/web";

  it("refuses a missing build and says to run pnpm build", () => {
    const verdict = judgeConsoleBuild({ directory, builtAt: null, newestSourceAt: 1_000 });
    expect(verdict.kind).toBe("missing");
    expect(describeConsoleBuildProblem(verdict)).toMatch(/not built.*Run `pnpm build`/);
  });

  it("refuses a build older than a source file", () => {
    const verdict = judgeConsoleBuild({ directory, builtAt: 1_000, newestSourceAt: 2_000 });
    expect(verdict).toEqual({ kind: "stale", directory, builtAt: new Date(1_000), changedAt: new Date(2_000) });
    expect(describeConsoleBuildProblem(verdict)).toMatch(/older than its sources.*Run `pnpm build`/);
  });

  it("serves a build at least as new as every source", () => {
    expect(judgeConsoleBuild({ directory, builtAt: 2_000, newestSourceAt: 2_000 })).toEqual({ kind: "ready", directory });
  });

  it("serves any build when the sources are not there to compare with (an installed package)", () => {
    const verdict = judgeConsoleBuild({ directory, builtAt: 1_000, newestSourceAt: null });
    expect(verdict.kind).toBe("ready");
    expect(describeConsoleBuildProblem(verdict)).toBeNull();
  });
});

describe("inspecting a console package on disk", () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function consolePackage(files: Record<string, Date>): Promise<string> {
    root = await mkdtemp(path.join(tmpdir(), "lethe-console-build-"));
    for (const [file, modified] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), "x");
      await utimes(path.join(root, file), modified, modified);
    }
    // The directories themselves must not count as newer than the files they were made for.
    for (const directory of ["src/views", "src", "dist/web", "dist"]) {
      const old = new Date("2020-01-01T00:00:00Z");
      await utimes(path.join(root, directory), old, old).catch(() => undefined);
    }
    return root;
  }

  it("finds the build stale when a file under src changed after it", async () => {
    const directory = await consolePackage({
      "src/views/requests.vue": new Date("2026-01-02T00:00:00Z"),
      "dist/web/index.html": new Date("2026-01-01T00:00:00Z"),
    });
    expect((await inspectConsoleBuild(directory)).kind).toBe("stale");
  });

  it("finds the build ready when it is newer than every source", async () => {
    const directory = await consolePackage({
      "src/views/requests.vue": new Date("2026-01-01T00:00:00Z"),
      "index.html": new Date("2026-01-01T00:00:00Z"),
      "dist/web/index.html": new Date("2026-01-02T00:00:00Z"),
    });
    expect(await inspectConsoleBuild(directory)).toEqual({ kind: "ready", directory: path.join(directory, "dist", "web") });
  });

  it("finds the build missing when dist/web has no index.html", async () => {
    const directory = await consolePackage({ "src/main.ts": new Date("2026-01-01T00:00:00Z") });
    expect((await inspectConsoleBuild(directory)).kind).toBe("missing");
  });

  it("skips the staleness check without sources", async () => {
    const directory = await consolePackage({ "dist/web/index.html": new Date("2020-01-01T00:00:00Z") });
    expect((await inspectConsoleBuild(directory)).kind).toBe("ready");
  });
});
