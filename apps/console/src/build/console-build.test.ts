import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeConsoleBuildProblem, inspectConsoleBuild, judgeConsoleBuild } from "./console-build";
import { buildStampPath, fingerprintConsoleSources } from "./source-fingerprint";

describe("judging the console build", () => {
  const directory = "/lethe/apps/console/dist/web";

  it("refuses a missing build and says to run pnpm build", () => {
    const verdict = judgeConsoleBuild({ directory, builtFrom: null, sourcesNow: "a" });
    expect(verdict.kind).toBe("missing");
    expect(describeConsoleBuildProblem(verdict)).toMatch(/not built.*Run `pnpm build`/);
  });

  it("refuses a build made from other sources than those there now", () => {
    const verdict = judgeConsoleBuild({ directory, builtFrom: "a", sourcesNow: "b" });
    expect(verdict).toEqual({ kind: "stale", directory });
    expect(describeConsoleBuildProblem(verdict)).toMatch(/older than its sources.*Run `pnpm build`/);
  });

  it("serves a build of the sources there now", () => {
    expect(judgeConsoleBuild({ directory, builtFrom: "a", sourcesNow: "a" })).toEqual({ kind: "ready", directory });
  });

  it("serves any build when the sources are not there to compare with (an installed package)", () => {
    const verdict = judgeConsoleBuild({ directory, builtFrom: "a", sourcesNow: null });
    expect(verdict.kind).toBe("ready");
    expect(describeConsoleBuildProblem(verdict)).toBeNull();
  });
});

describe("inspecting a console package on disk", () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function write(file: string, content: string): Promise<void> {
    if (!root) throw new Error("no package directory");
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }

  /** A package with sources, built: index.html in dist/web and the stamp of the sources as they are. */
  async function builtPackage(): Promise<string> {
    root = await mkdtemp(path.join(tmpdir(), "lethe-console-build-"));
    await write("src/views/requests.vue", "<template>requests</template>");
    await write("index.html", "<!doctype html>");
    await write("dist/web/index.html", "<!doctype html><script src=/assets/x.js></script>");
    await writeFile(buildStampPath(root), JSON.stringify({ sources: await fingerprintConsoleSources(root) }));
    return root;
  }

  it("finds a build of the current sources ready", async () => {
    const directory = await builtPackage();
    expect(await inspectConsoleBuild(directory)).toEqual({ kind: "ready", directory: path.join(directory, "dist", "web") });
  });

  it("finds the build stale when a file under src changed after it", async () => {
    const directory = await builtPackage();
    await write("src/views/requests.vue", "<template>requests, changed</template>");
    expect((await inspectConsoleBuild(directory)).kind).toBe("stale");
  });

  it("finds the build stale when a file was added under src", async () => {
    const directory = await builtPackage();
    await write("src/views/holds.vue", "<template>holds</template>");
    expect((await inspectConsoleBuild(directory)).kind).toBe("stale");
  });

  it("finds the build missing without dist/web/index.html or without the stamp", async () => {
    const directory = await builtPackage();
    await rm(buildStampPath(directory));
    expect((await inspectConsoleBuild(directory)).kind).toBe("missing");
    await rm(path.join(directory, "dist"), { recursive: true });
    expect((await inspectConsoleBuild(directory)).kind).toBe("missing");
  });

  it("skips the staleness check without sources", async () => {
    const directory = await builtPackage();
    await rm(path.join(directory, "src"), { recursive: true });
    expect((await inspectConsoleBuild(directory)).kind).toBe("ready");
  });
});
