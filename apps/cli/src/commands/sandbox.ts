import type { Command } from "commander";
import { installedSandboxes } from "../installed-connectors.gen";
import { parsePort, parsePositiveInteger } from "../parse-options";
import { UsageError } from "../report-failure";
import { waitForShutdownSignal } from "../shutdown-signal";

export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command("sandbox").description("Local stand-ins of the vendors' APIs.");
  sandbox
    .command("start")
    .argument("<id>", `connector id (${Object.keys(installedSandboxes).join(", ")})`)
    .option("--port <port>", "port to listen on (0: a free one)", "0")
    .option("--seed <n>", "seed of the synthetic world", "1")
    .option("--rate-limit <perMinute>", "override the vendor's default rate limit")
    .description(
      "Serve a connector's sandbox. Prints one JSON line {url, credentials, settings} first, then serves until killed.",
    )
    .action(async (id: string, options: { port: string; seed: string; rateLimit?: string }) => {
      const loadDefinition = installedSandboxes[id];
      if (!loadDefinition) {
        throw new UsageError(
          `no sandbox for connector "${id}"; installed: ${Object.keys(installedSandboxes).join(", ")}`,
        );
      }
      const definition = await loadDefinition();
      const running = await definition.start({
        port: parsePort("--port", options.port),
        seed: parsePositiveInteger("--seed", options.seed),
        ...(options.rateLimit ? { rateLimitPerMinute: parsePositiveInteger("--rate-limit", options.rateLimit) } : {}),
      });
      process.stdout.write(
        `${JSON.stringify({ url: running.url, credentials: running.credentials, settings: running.settings })}\n`,
      );
      await waitForShutdownSignal();
      await running.stop();
    });
}
