import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";

/**
 * Sorts the workspace's test files into the three suites the root vitest config runs:
 *
 * - `unit`: pure tests — no PostgreSQL, no browser; the inner loop (`pnpm test:quick`).
 * - `database`: tests that reach PostgreSQL through `@lethe/db/testing` (directly or through a
 *   test helper they import); they share the server the global setup starts.
 * - `browser`: the console's end-to-end tests in Chromium (they need PostgreSQL too).
 * - `load`: database tests that measure throughput against a limit (they say `Runs alone:` and
 *   why); they run after the others, one at a time, so other tests do not steal their CPU.
 *
 * A file's suite follows from what it imports, so nobody has to remember to rename or register a
 * test: its relative imports are followed through test helpers and the markers below looked for.
 * A pure test that nevertheless asks for the database fails with a message naming the reason
 * (`testPostgres()` in @lethe/db/testing), so a wrong guess cannot pass silently.
 */
export type TestSuite = "unit" | "database" | "browser" | "load";

export const testFilePattern = "{apps,packages,connectors,tooling}/*/{src,test}/**/*.test.ts";

const loadMarker = /\bRuns alone:/;
const browserMarker = /playwright-core|\/e2e\/browser["']/;
const databaseMarker = /@lethe\/(db|runtime)\/testing|\bcreateTestDatabase\b|\btestPostgres\(|\bopenDatabase\(|\bstartEmbeddedServer\(/;
const relativeImport = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, path.join(base, "index.ts"), base.replace(/\.js$/, ".ts")];
  return candidates.find((candidate) => candidate.endsWith(".ts") && existsSync(candidate));
}

/** The suite of one test file, from the markers in it and in the local files it imports. */
export function suiteOf(testFile: string): TestSuite {
  const seen = new Set<string>();
  const pending = [testFile];
  let database = false;
  const ownSource = readFileSync(testFile, "utf8");
  if (loadMarker.test(ownSource)) return "load";
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    if (browserMarker.test(source)) return "browser";
    if (databaseMarker.test(source)) database = true;
    for (const match of source.matchAll(relativeImport)) {
      const specifier = match[1];
      if (specifier === undefined) continue;
      const resolved = resolveRelative(file, specifier);
      // Only test-side helpers are followed: production sources never open the test database.
      if (resolved && (resolved.includes(`${path.sep}test${path.sep}`) || resolved.endsWith(".test.ts") || resolved.includes("fixture"))) {
        pending.push(resolved);
      }
    }
  }
  return database ? "database" : "unit";
}

/** Every test file of the workspace (paths relative to `root`), grouped by suite. */
export function testSuites(root: string): Record<TestSuite, string[]> {
  const suites: Record<TestSuite, string[]> = { unit: [], database: [], browser: [], load: [] };
  const files = globSync(testFilePattern, { cwd: root, ignore: ["**/node_modules/**", "**/e2e/**"] });
  for (const file of files.sort()) suites[suiteOf(path.join(root, file))].push(file);
  return suites;
}
