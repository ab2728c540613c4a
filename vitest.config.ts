import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { testSuites } from "./tooling/vitest/test-suites.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const suites = testSuites(root);
const databaseSetup = ["packages/db/src/testing/global-setup.ts"];
// Workspace packages export `source` (their TypeScript) before `default` (their dist/): tests run
// against the sources, with no build. Vite's own default conditions follow, which setting these replaces.
const conditions = ["source", "module", "node", "development|production"];

// One run for the whole workspace, so CI prints one summary line, in three suites (projects) sorted
// by what each test file needs (tooling/vitest/test-suites.ts):
// - unit: no PostgreSQL, no browser — `pnpm test:quick`, the inner loop;
// - database: one PostgreSQL server for the suite (embedded, or DATABASE_URL) started by the global
//   setup; each test file gets its own database cloned from a migrated template (@lethe/db/testing);
// - browser: the console in Chromium, against its own server from the same global setup;
// - load: database tests that measure throughput against a limit, run after the rest, one at a time.
// Most tests wait on PostgreSQL, sandboxes and child processes rather than compute, so three files
// run at once on a 2-core machine (vitest's default there is one: cores - 1).
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    pool: "forks",
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "./tooling/vitest/summary-line-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: suites.unit } },
      { extends: true, test: { name: "database", include: suites.database, globalSetup: databaseSetup } },
      { extends: true, test: { name: "browser", include: suites.browser, globalSetup: databaseSetup } },
      {
        extends: true,
        test: { name: "load", include: suites.load, globalSetup: databaseSetup, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
