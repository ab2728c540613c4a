import path from "node:path";
import type { Command } from "commander";
import type { OraclePerson, RunningSandbox } from "@lethe/connector-sdk";
import { createOutboundGuard, startWorker } from "@lethe/runtime";
import { createConsoleLog } from "../console-log";
import { demoWelcomeLines, type SandboxDemoPeople } from "../demo-welcome";
import { ensureDemoInstance } from "../demo-instances";
import { applyRetentionFile, describeSync } from "../retention-file";
import { readEnvironment } from "../env";
import { installedSandboxes } from "../installed-connectors.gen";
import { openLethe } from "../open-lethe";
import { waitForShutdownSignal } from "../shutdown-signal";
import type { CommandStyle } from "../wait-outcome";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description(
      "Run Lethe on this machine: database (embedded unless DATABASE_URL), migrations, a worker, the API, and seeded demo sandboxes.",
    )
    .option("--no-demo", "do not start the demo sandboxes")
    .action(async (options: { demo: boolean }) => {
      const env = readEnvironment();
      const log = createConsoleLog(env.logLevel);
      // Imported here, not at the top: every other command starts faster without the API and console packages.
      const { createApiApp, createLocalUser, hasAnyUser, startApiServer } = await import("@lethe/api");
      const { requireConsoleBuild } = await import("@lethe/console");
      // Before anything starts: the console is built by `pnpm build`, never here.
      const consoleDirectory = await requireConsoleBuild();
      const stack: Array<() => Promise<void>> = [];
      const stopAll = async () => {
        for (const stop of stack.reverse()) await stop().catch((error: unknown) => log("error", `while stopping: ${String(error)}`));
      };
      try {
        // The embedded PostgreSQL is restarted if it dies; meanwhile the API answers 503 and jobs retry.
        const lethe = await openLethe(env, {
          superviseDatabase: true,
          warnIfNewHome: false,
          log: (message) => log("debug", message, { source: "postgres" }),
          reportRestart: (message) => log("warn", message, { source: "postgres" }),
        });
        stack.push(() => lethe.close());
        for (const plugin of lethe.plugins) {
          log("info", `loaded connector plugin ${plugin.packageName}@${plugin.packageVersion}: "${plugin.connector.id}" (contract ${plugin.connector.contractVersion ?? "?"})`, {});
        }

        const sandboxes: Array<{ connectorId: string; running: RunningSandbox }> = [];
        const demoHosts = new Set<string>();
        if (options.demo) {
          let port = env.port + 1;
          for (const [connectorId, loadDefinition] of Object.entries(installedSandboxes)) {
            const definition = await loadDefinition();
            // Demo timing: the vendors' asynchronous jobs finish in seconds, so a request completes while one watches.
            const running = await definition.start({ port, seed: 1, timing: "demo" });
            stack.push(() => running.stop());
            sandboxes.push({ connectorId, running });
            demoHosts.add(new URL(running.url).hostname);
            port += 1;
          }
        }
        // The demo sandboxes listen on loopback, which the outbound guard refuses: allow exactly
        // their hosts, and say so, on top of whatever LETHE_OUTBOUND_ALLOW lists.
        const outboundAllow = [...env.outboundAllow, ...demoHosts];
        if (demoHosts.size > 0) log("info", `outbound requests allowed to the demo sandboxes' host ${[...demoHosts].join(", ")}`, {});
        const outbound = createOutboundGuard({ allow: outboundAllow });
        for (const { connectorId, running } of sandboxes) await ensureDemoInstance(lethe, connectorId, running, outbound);
        // The checked-in retention schedules win over the console's (docs/retention-schedules.md).
        const retentionSync = await applyRetentionFile(env, lethe);
        if (retentionSync) log("info", describeSync(retentionSync), {});

        const worker = await startWorker({
          db: lethe.database,
          registry: lethe.registry,
          secretBox: lethe.secretBox,
          exportDirectory: path.join(env.home, "exports"),
          log,
          dueSoonDays: env.dueSoonDays,
          requestRetentionDays: env.requestRetentionDays,
          policy: env.enginePolicy,
          auditCheckpoints: { ...lethe.auditCheckpoints, intervalMs: env.auditCheckpoints.intervalMs },
          outboundAllow,
        });
        stack.push(() => worker.stop());

        const api = await startApiServer({
          app: createApiApp({
            db: lethe.database,
            registry: lethe.registry,
            secretBox: lethe.secretBox,
            exportDirectory: path.join(env.home, "exports"),
            timeZone: env.timeZone,
            defaultRegion: env.defaultRegion,
            verifyRequestTypes: env.verifyRequestTypes,
            auditCheckpoints: lethe.auditCheckpoints,
            outboundAllow,
            consoleDirectory,
            log: (level, message, fields) => log(level, message, fields),
          }),
          port: env.port,
        });
        stack.push(() => api.close());

        if (env.bootstrapAdmin && !(await hasAnyUser(lethe.database))) {
          await createLocalUser(lethe.database, { ...env.bootstrapAdmin, role: "admin", actor: "bootstrap" });
          log("info", "created the bootstrap admin from LETHE_BOOTSTRAP_ADMIN_EMAIL", {});
        }
        const needsAdmin = !(await hasAnyUser(lethe.database));

        await printWelcome({
          apiUrl: api.url,
          needsAdmin,
          home: env.home,
          clusterDirectory: lethe.database.clusterDirectory,
          sandboxes,
          style: { prefix: env.commandPrefix, usesDatabaseUrl: env.usesDatabaseUrl },
        });
      } catch (error) {
        await stopAll();
        throw error;
      }
      await waitForShutdownSignal();
      await stopAll();
      console.log("stopped; data kept in the database");
    });
}

async function printWelcome(info: {
  apiUrl: string;
  needsAdmin: boolean;
  home: string;
  clusterDirectory: string | null;
  sandboxes: Array<{ connectorId: string; running: RunningSandbox }>;
  style: CommandStyle;
}): Promise<void> {
  const lines = [
    "",
    "Lethe is running.",
    `  console/API  ${info.apiUrl}/  (OpenAPI: ${info.apiUrl}/api/v1/openapi.json)`,
    `  API health   ${info.apiUrl}/api/v1/health`,
    `  database     ${info.clusterDirectory ? `embedded PostgreSQL in ${info.clusterDirectory}` : "DATABASE_URL"}`,
    `  exports      ${path.join(info.home, "exports")}`,
  ];
  const demoPeople: SandboxDemoPeople[] = [];
  for (const { connectorId, running } of info.sandboxes) {
    lines.push(`  sandbox      ${connectorId} at ${running.url} (oracle: ${running.url}/__sandbox/people)`);
    demoPeople.push({ connectorId, ...(await demoPeopleOf(running.url)) });
  }
  lines.push(...demoWelcomeLines(demoPeople, info.style));
  const lethe = `${info.style.prefix}pnpm lethe`;
  if (info.needsAdmin) {
    lines.push(
      "",
      "No user exists yet. Create the first admin (in another terminal), then sign in at the URL above:",
      `  ${lethe} user create --role admin --email you@example.com   (prompts for a password)`,
    );
  } else {
    lines.push("", `Sign in at ${info.apiUrl}/ with your e-mail and password (\`${lethe} user create\` adds users).`);
  }
  lines.push("", "Ctrl-C stops everything; the data stays for the next start.");
  console.log(lines.join("\n"));
}

/** The sandbox oracle's people `lethe start` shows: tagged `demo` (OraclePerson.demo). */
async function demoPeopleOf(sandboxUrl: string): Promise<Omit<SandboxDemoPeople, "connectorId">> {
  const response = await fetch(`${sandboxUrl}/__sandbox/people`);
  if (!response.ok) return {};
  const body = (await response.json()) as { people: OraclePerson[] };
  const emailOf = (tag: "clean" | "review") =>
    body.people.find((person) => person.demo === tag)?.identifiers.find((identifier) => identifier.kind === "email")?.value;
  const clean = emailOf("clean");
  const review = emailOf("review");
  return { ...(clean ? { clean } : {}), ...(review ? { review } : {}) };
}
