import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInShell } from "./run-in-shell";

/*
 * docs/connector-authors-guide.md, followed verbatim: the shell block between `<!-- guide:start -->`
 * and `<!-- guide:end -->` runs in an empty directory with the built CLI as `lethe` on PATH —
 * scaffold a standalone package, install it, `lethe connector test` — and must pass with no edit.
 * Then the scaffold is broken on purpose (locate stops after the first page of notes), and the
 * report must fail naming the check, why, and the vendor calls before it. Needs `pnpm build`.
 */
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const cliBin = path.join(repositoryRoot, "apps/cli/dist/bin.js");

async function guideScript(): Promise<string> {
  const guide = await readFile(path.join(repositoryRoot, "docs/connector-authors-guide.md"), "utf8");
  const block = /<!-- guide:start -->\s*```sh\n([\s\S]*?)```\s*<!-- guide:end -->/.exec(guide)?.[1];
  if (!block) throw new Error("docs/connector-authors-guide.md has no ```sh block between <!-- guide:start --> and <!-- guide:end -->");
  return block;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return runInShell(command, { cwd, env, trace: true });
}

describe("the connector author's guide, verbatim", () => {
  let workDirectory: string;
  let env: NodeJS.ProcessEnv;
  let packageDirectory: string;

  beforeAll(async () => {
    if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: run \`pnpm build\` before this test`);
    workDirectory = await mkdtemp(path.join(tmpdir(), "lethe-connector-guide-"));
    const bin = path.join(workDirectory, "bin");
    await mkdir(bin);
    // `lethe` as a reader of the guide has it: the CLI built from this checkout.
    await writeFile(path.join(bin, "lethe"), `#!/bin/sh\nexec node ${JSON.stringify(cliBin)} "$@"\n`);
    await chmod(path.join(bin, "lethe"), 0o755);
    env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
    packageDirectory = path.join(workDirectory, "guide", "acme-desk");
    await mkdir(path.dirname(packageDirectory));
  });

  afterAll(async () => {
    await rm(workDirectory, { recursive: true, force: true });
  });

  it("scaffolds a standalone connector that installs and passes lethe connector test with no edit", async () => {
    const { code, output } = await run(await guideScript(), path.dirname(packageDirectory), env);
    expect(output).toMatch(/conformance passed: \d+ passed, 0 failed, \d+ skipped/);
    expect(output).toContain("✓ locate finds every record the oracle lists for each subject, across pages and stores [locate.finds-every-record]");
    expect(code).toBe(0);
  }, 240_000);

  it("keeps the scaffolded connector code (everything but the sandbox and tests) under 300 lines", async () => {
    const source = path.join(packageDirectory, "src");
    const files = (await readdir(source)).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const lines = (await Promise.all(files.map((file) => readFile(path.join(source, file), "utf8")))).reduce(
      (total, text) => total + text.split("\n").length,
      0,
    );
    expect(lines).toBeLessThan(300);
  });

  it("scaffolds a package that typechecks and lints clean", async () => {
    const { code, output } = await run("pnpm -s typecheck && pnpm -s lint", packageDirectory, env);
    expect(output).not.toMatch(/error/i);
    expect(code).toBe(0);
  }, 180_000);

  it("reports a connector whose locate drops a page: exit 1, the failed check under its group, why, and the vendor calls", async () => {
    const locatePath = path.join(packageDirectory, "src", "locate.ts");
    const locate = await readFile(locatePath, "utf8");
    const broken = locate.replace("      page = nextPage;\n", "      page = null; // broken on purpose: only the first page of notes\n");
    expect(broken).not.toBe(locate);
    await writeFile(locatePath, broken);
    try {
      const { code, output } = await run("lethe connector test", packageDirectory, env);
      const locateGroup = output.split("3. Locate")[1]?.split("4. Export")[0] ?? "";
      expect(locateGroup).toContain("✗ locate finds every record the oracle lists for each subject, across pages and stores [locate.finds-every-record]");
      expect(locateGroup).toMatch(/why: /);
      expect(locateGroup).toMatch(/vendor calls just before:\n\s+GET \/api\/v1\/contacts/);
      expect(output).toMatch(/conformance FAILED: \d+ passed, [1-9]\d* failed/);
      expect(code).toBe(1);

      const json = await run("lethe connector test --json", packageDirectory, env);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.output.slice(json.output.indexOf("{"))) as { checks: { id?: string; state: string; vendorCalls?: unknown[] }[] };
      const failed = report.checks.find((check) => check.id === "locate.finds-every-record");
      expect(failed?.state).toBe("failed");
      expect(failed?.vendorCalls?.length).toBeGreaterThan(0);
    } finally {
      await writeFile(locatePath, locate);
    }
  }, 240_000);

  it("refuses what it cannot act on with exit 2: a bad id, a non-empty directory, a path with no package", async () => {
    const badId = await run("lethe connector new Acme_Desk", workDirectory, env);
    expect(badId.output).toContain('"Acme_Desk" is not a connector id');
    expect(badId.code).toBe(2);
    const taken = await run(`lethe connector new acme-desk --dir ${JSON.stringify(packageDirectory)}`, workDirectory, env);
    expect(taken.output).toContain("exists and is not empty");
    expect(taken.code).toBe(2);
    const installed = await run("lethe connector new reference --dir elsewhere", workDirectory, env);
    expect(installed.output).toContain('A connector with the id "reference" is already installed');
    expect(installed.code).toBe(2);
    const noPackage = await run("lethe connector test bin", workDirectory, env);
    expect(noPackage.output).toContain("holds no package.json");
    expect(noPackage.code).toBe(2);
  }, 60_000);
});
