import type { Command } from "commander";
import { regimes, requestStatuses, requestTypes } from "@lethe/core";
import { attestIdentity, fileRequest, getRequestDetail, InvalidRequestParametersError, identifierHashKey, listRequests } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { followRequest } from "../follow-request";
import { formatRequestDetail, formatRequestList } from "../format-request";
import { nextStepHint } from "../next-step-hint";
import { openLethe } from "../open-lethe";
import { parseChanges } from "../parse-changes";
import { parseChoice, parsePositiveInteger } from "../parse-options";
import { UsageError } from "../report-failure";
import { registerRequestExtendCommand } from "./request-extend";
import { registerRequestPlanCommands } from "./request-plan";
import { registerRequestVerifyCommand } from "./request-verify";

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRequestCommands(program: Command): void {
  const request = program.command("request").description("File and follow data subject requests.");

  request
    .command("create")
    .description("File a request for a person identified by e-mail and/or phone number.")
    .requiredOption("--type <type>", `request type (${requestTypes.join(", ")})`)
    .option("--regime <regime>", `legal regime that sets the deadline (${regimes.join(", ")})`, "gdpr")
    .option("--email <address>", "the person's e-mail address (repeatable)", collect, [])
    .option("--phone <number>", "the person's phone number, any format (repeatable)", collect, [])
    .option("--change <field=value>", "rectification: a corrected value of name, email or phone (repeatable)", collect, [])
    .option("--lift", "restriction: lift an earlier restriction instead of setting one")
    .option("--attest <how>", "access/portability: attest the person's identity at once, saying how it was checked (as `request verify --attest`)")
    .option("--wait", "follow the request until it completes or waits for a person; exit 0 only when it completed")
    .option("--timeout <seconds>", "with --wait: give up after this many seconds", "300")
    .option("--json", "print JSON")
    .action(
      async (options: {
        type: string;
        regime: string;
        email: string[];
        phone: string[];
        change: string[];
        lift?: boolean;
        attest?: string;
        wait?: boolean;
        timeout: string;
        json?: boolean;
      }) => {
        const env = readEnvironment();
        const type = parseChoice("--type", options.type, requestTypes);
        const regime = parseChoice("--regime", options.regime, regimes);
        if (options.email.length === 0 && options.phone.length === 0) {
          throw new UsageError("give at least one --email or --phone to identify the person");
        }
        const attestation = options.attest?.trim();
        if (attestation === "") throw new UsageError("--attest needs a note saying how the identity was checked");
        if (attestation !== undefined && !env.verifyRequestTypes.has(type)) {
          throw new UsageError(`--attest: ${type} requests do not wait for an identity check here (LETHE_VERIFY_REQUEST_TYPES)`);
        }
        const timeoutMs = parsePositiveInteger("--timeout", options.timeout) * 1000;
        const changes = parseChanges(options.change);
        const style = { prefix: env.commandPrefix, usesDatabaseUrl: env.usesDatabaseUrl };
        // With --json, stdout carries the JSON alone; what people read goes to stderr.
        const say = options.json ? process.stderr : process.stdout;
        const lethe = await openLethe(env);
        try {
          const { id } = await fileRequest(lethe.database, {
            type,
            regime,
            identifiers: [
              ...options.email.map((value) => ({ kind: "email" as const, value })),
              ...options.phone.map((value) => ({ kind: "phone" as const, value })),
            ],
            parameters: { ...(changes.length > 0 ? { changes } : {}), ...(options.lift ? { lift: true } : {}) },
            timeZone: env.timeZone,
            defaultRegion: env.defaultRegion,
            actor: "cli",
            verifyRequestTypes: env.verifyRequestTypes,
            identifierHashKey: identifierHashKey(lethe),
          }).catch((error: unknown) => {
            // The runtime names the bad input by path (changes.1.value); the user typed --change.
            if (error instanceof InvalidRequestParametersError) {
              throw new UsageError(error.fields.map((field) => `${field.path.replace(/^changes\.(\d+)/, (_, n: string) => `--change #${Number(n) + 1}`)} ${field.message}`).join("; "));
            }
            throw error;
          });
          // The id first, so that whatever happens next the request can be found.
          say.write(`filed ${type} request ${id}\n`);
          if (attestation !== undefined) {
            // The same runtime call as `lethe request verify --attest`.
            await attestIdentity(lethe.database, { requestId: id, note: attestation, actor: "cli" });
            say.write(`identity attested: ${attestation}\n`);
          }
          if (options.wait) {
            const { detail, outcome } = await followRequest(lethe, id, { timeoutMs, style, out: say });
            if (options.json) console.log(JSON.stringify(detail, null, 2));
            for (const line of outcome.lines) say.write(`${line}\n`);
            process.exitCode = outcome.exitCode;
            return;
          }
          const filed = await getRequestDetail(lethe.database, id);
          if (options.json) console.log(JSON.stringify(filed, null, 2));
          if (filed?.request.status === "verifying") {
            say.write(`it waits for an identity check: ${style.prefix}pnpm lethe request verify ${id} --attest "how you checked their identity"\n`);
          } else {
            say.write(`follow it with: ${style.prefix}pnpm lethe request show ${id}\n`);
          }
        } finally {
          await lethe.close();
        }
      },
    );

  registerRequestVerifyCommand(request);
  registerRequestPlanCommands(request);
  registerRequestExtendCommand(request);

  request
    .command("show")
    .argument("<id>", "request id")
    .option("--verbose", "list every identifier and receipt (default: counts per system, phase and outcome)")
    .option("--json", "print JSON")
    .description("Show a request: status, per-connector progress, receipts, export path.")
    .action(async (id: string, options: { verbose?: boolean; json?: boolean }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a request id (a UUID)`);
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const detail = await getRequestDetail(lethe.database, id);
        if (!detail) throw new UsageError(`no request with id ${id}`);
        console.log(options.json ? JSON.stringify(detail, null, 2) : formatRequestDetail(detail, { verbose: options.verbose ?? false }));
        const next = nextStepHint(env, detail.request.status, id);
        if (next && !options.json) console.log(`\n${next}`);
      } finally {
        await lethe.close();
      }
    });

  request
    .command("list")
    .option("--status <status>", `only requests in this status (${requestStatuses.join(", ")})`)
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "print JSON")
    .description("List requests, newest first.")
    .action(async (options: { status?: string; limit: string; json?: boolean }) => {
      const status = options.status ? parseChoice("--status", options.status, requestStatuses) : undefined;
      const limit = parsePositiveInteger("--limit", options.limit);
      const lethe = await openLethe(readEnvironment());
      try {
        const rows = await listRequests(lethe.database, { ...(status ? { status } : {}), limit });
        console.log(options.json ? JSON.stringify(rows, null, 2) : formatRequestList(rows));
      } finally {
        await lethe.close();
      }
    });
}
