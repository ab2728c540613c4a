import { defineConfig } from "vitest/config";

// One run for the whole workspace, so CI prints one summary line. Database suites share one
// PostgreSQL server (embedded, or DATABASE_URL) started by the global setup; each test file gets
// its own database cloned from a migrated template (see @lethe/db/testing).
// Workspace packages export `source` (their TypeScript) before `default` (their dist/): tests run
// against the sources, with no build. Vite's own default conditions follow, which setting these replaces.
const conditions = ["source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    include: ["{apps,packages,connectors,tooling}/*/{src,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/e2e/**"],
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "./tooling/vitest/summary-line-reporter.ts"],
  },
});
