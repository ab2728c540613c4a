import type { Command } from "commander";
import { sandboxTimings } from "@lethe/connector-sdk";
import { readEnvironment } from "../env";
import { installedSandboxes } from "../installed-connectors.gen";
import { loadConnectorCatalog } from "../plugins/connector-catalog";
import { parseChoice, parsePort, parsePositiveInteger } from "../parse-options";
import { readWorldFile } from "../read-world-file";
import { UsageError } from "../report-failure";
import { waitForShutdownSignal } from "../shutdown-signal";

export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command("sandbox").description("Local stand-ins of the vendors' APIs.");
  sandbox
    .command("start")
    .argument("<id>", `connector id (${Object.keys(installedSandboxes).join(", ")}, or an installed plugin's)`)
    .option("--port <port>", "port to listen on (0: a free one)", "0")
    .option("--seed <n>", "seed of the synthetic world", "1")
    .option("--rate-limit <perMinute>", "override the vendor's default rate limit")
    .option("--world <file.json>", "load this fixture world (the connector's documented JSON shape) instead of the seeded one")
    .option("--timing <timing>", "how long the vendor's asynchronous jobs take: realistic, or demo (seconds)", "realistic")
    .description(
      "Serve a connector's sandbox. Prints one JSON line {url, credentials, settings} first, then serves until killed.",
    )
    .action(async (id: string, options: { port: string; seed: string; rateLimit?: string; world?: string; timing: string }) => {
      const { sandboxes } = await loadConnectorCatalog(readEnvironment().connectorSources);
      const loadDefinition = sandboxes[id];
      if (!loadDefinition) {
        throw new UsageError(`no sandbox for connector "${id}"; installed: ${Object.keys(sandboxes).join(", ")}`);
      }
      const world = options.world !== undefined ? await readWorldFile(options.world) : undefined;
      const definition = await loadDefinition();
      if (world !== undefined && definition.loadsWorlds !== true) {
        throw new UsageError(`--world: the ${id} sandbox loads no fixture worlds`);
      }
      const running = await definition
        .start({
          port: parsePort("--port", options.port),
          seed: parsePositiveInteger("--seed", options.seed),
          timing: parseChoice("--timing", options.timing, sandboxTimings),
          ...(options.rateLimit ? { rateLimitPerMinute: parsePositiveInteger("--rate-limit", options.rateLimit) } : {}),
          ...(world !== undefined ? { world } : {}),
        })
        .catch((error: unknown) => {
          // The file's problems, each with its path, are the user's to fix.
          if (error instanceof Error && error.name === "SandboxWorldError") throw new UsageError(`--world ${options.world ?? ""}: ${error.message}`);
          throw error;
        });
      process.stdout.write(
        `${JSON.stringify({ url: running.url, credentials: running.credentials, settings: running.settings })}\n`,
      );
      await waitForShutdownSignal();
      await running.stop();
    });
}
