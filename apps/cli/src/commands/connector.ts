import path from "node:path";
import type { Command } from "commander";
import { readConnectorPackage } from "../conformance-report/connector-package";
import { formatConformanceReport, reportFailed } from "../conformance-report/format-report";
import { runConformance } from "../conformance-report/run-conformance";
import { loadInstalledConnectors } from "../installed-connectors.gen";
import { cliVersion } from "../program-output";
import { scaffoldConnector } from "../scaffold/scaffold-connector";

export function registerConnectorCommands(program: Command): void {
  const connector = program.command("connector").description("Write and test connector plugins.");
  connector
    .command("new")
    .argument("<id>", "the new connector's id, kebab-case (e.g. acme-desk)")
    .option("--dir <path>", "where to write the package (default: connectors/<id> in a Lethe checkout, else ./<id>)")
    .option("--title <title>", "the vendor's name as people read it (default: from the id)")
    .description("Scaffold a connector package (connector, sandbox with oracle, conformance test) that passes `lethe connector test` as written.")
    .action(async (id: string, options: { dir?: string; title?: string }) => {
      const installed = await loadInstalledConnectors();
      const result = await scaffoldConnector({
        id,
        ...options,
        cwd: process.cwd(),
        installedIds: installed.map((c) => c.id),
        letheVersion: cliVersion(),
      });
      console.log(`Wrote ${result.packageName} (${result.layout.kind}) in ${result.directory}: ${result.files.length} files.`);
      console.log("Next:");
      for (const command of result.nextCommands) console.log(`  ${command}`);
    });
  connector
    .command("test")
    .argument("[path]", "the connector package's directory", ".")
    .option("--json", "print the results as JSON (for CI) instead of the grouped report")
    .description("Run the conformance suite against a connector package and its sandbox; exits 1 when a check fails.")
    .action(async (packagePath: string, options: { json?: boolean }) => {
      const pkg = readConnectorPackage(path.resolve(packagePath));
      const report = await runConformance(pkg);
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatConformanceReport(report));
      if (reportFailed(report)) process.exitCode = 1;
    });
}
