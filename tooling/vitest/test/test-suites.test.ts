import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testSuites } from "../test-suites";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const suites = testSuites(repositoryRoot);

describe("the test suites the root vitest config runs", () => {
  it("puts a test that reaches PostgreSQL only through a test helper in the database suite", () => {
    // request-engine.test.ts opens its database through test/world-with-worker.ts → reference-world.ts.
    expect(readFileSync(path.join(repositoryRoot, "packages/runtime/src/request-engine.test.ts"), "utf8")).not.toMatch(/createTestDatabase/);
    expect(suites.database).toContain("packages/runtime/src/request-engine.test.ts");
  });

  it("puts the console's Chromium tests in the browser suite and pure rules in the unit suite", () => {
    expect(suites.browser).toContain("apps/console/test/e2e-console.test.ts");
    expect(suites.unit).toContain("packages/core/src/identifiers/normalise-email.test.ts");
  });

  it("runs the tests that measure under load or race a deadline alone: scale-out (the rate limit), the embedded PostgreSQL's restart and Ctrl-C to the whole process group", () => {
    expect(suites.load).toEqual(["apps/cli/test/ctrl-c.test.ts", "apps/cli/test/embedded-restart.test.ts", "apps/cli/test/scale-out.test.ts"]);
  });

  it("runs every test file in exactly one suite", () => {
    const all = [...suites.unit, ...suites.database, ...suites.browser, ...suites.load];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(100);
  });
});
