import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startVitest, type TestModule } from "vitest/node";
import type { ConnectorPackage } from "./connector-package";
import { collectOutcomes } from "./collect-outcomes";
import type { ConformanceReport } from "./format-report";

/**
 * Runs `runConformanceSuite` over the package's connector and sandbox through vitest's Node API.
 * The test file is written into the package's `.cache/` (so that `@lethe/connector-testkit`
 * resolves from the package's own dependencies) and no vitest config of the package is read: the
 * suite is the same for every connector.
 */
export async function runConformance(pkg: ConnectorPackage): Promise<ConformanceReport> {
  const cacheDirectory = path.join(pkg.directory, ".cache");
  await mkdir(cacheDirectory, { recursive: true });
  const testFile = path.join(cacheDirectory, "lethe-conformance.test.ts");
  const importPath = (file: string) => JSON.stringify(path.relative(cacheDirectory, file).split(path.sep).join("/").replace(/^(?!\.)/, "./"));
  await writeFile(
    testFile,
    [
      "// Written by `lethe connector test`; safe to delete.",
      'import { runConformanceSuite } from "@lethe/connector-testkit";',
      `import connector from ${importPath(pkg.connectorEntry)};`,
      `import sandbox from ${importPath(pkg.sandboxEntry)};`,
      "",
      "runConformanceSuite({ connector, sandbox });",
      "",
    ].join("\n"),
  );

  let finished: readonly TestModule[] = [];
  const started = Date.now();
  try {
    const vitest = await startVitest(
      "test",
      [],
      {
        root: pkg.directory,
        config: false,
        include: [".cache/lethe-conformance.test.ts"],
        exclude: [],
        watch: false,
        setupFiles: [vendorCallsSetupFile()],
        reporters: [{ onTestRunEnd: (modules) => void (finished = modules) }],
        // The suite's checks share one sandbox; one file, one worker.
        fileParallelism: false,
      },
      { logLevel: "silent", cacheDir: path.join(cacheDirectory, "vite") },
    );
    await vitest.close();
  } finally {
    await rm(testFile, { force: true });
  }
  const { checks, errors, heading } = collectOutcomes(finished);
  return { heading: heading ?? `${pkg.name} conformance`, checks, errors, durationMs: Date.now() - started };
}

/** The setup file that records vendor calls: built beside bin.js, or the source when run with tsx. */
function vendorCallsSetupFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "vendor-calls-setup.js"), path.join(here, "vendor-calls.setup.ts")];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The CLI's vendor-call recorder is missing (looked for ${candidates.join(", ")})`);
  return found;
}
