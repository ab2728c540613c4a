import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Tracked files (and untracked ones not ignored) whose text matches the pattern, as `path:line:text`. */
function grepRepository(pattern: string): string[] {
  try {
    const output = execFileSync("git", ["grep", "-n", "--untracked", "-I", "-E", pattern, "--", ".", ":!pnpm-lock.yaml", ":!tooling/repository/test/**"], {
      cwd: repositoryRoot,
      encoding: "utf8",
    });
    return output.split("\n").filter((line) => line !== "");
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if (error instanceof Error && "status" in error && error.status === 1) return [];
    throw error;
  }
}

describe("the repository stands on its own", () => {
  it("no file points at documents or data outside the repository", () => {
    expect(grepRepository(String.raw`\.\./shared|/work/shared|shared/(docs|data)/`)).toEqual([]);
  });

  it("the check can fail: it finds a pattern that is in the repository", () => {
    expect(grepRepository(String.raw`graphile-worker`).length).toBeGreaterThan(0);
  });
});
