import type { Command } from "commander";
import { attestIdentity, getRequestDetail } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { followRequest } from "../follow-request";
import { openLethe } from "../open-lethe";
import { parsePositiveInteger } from "../parse-options";
import { UsageError } from "../report-failure";

/**
 * `lethe request verify <id> --attest "<note>"`: a staff member attests the subject's identity
 * (Art. 12(6)), and the request starts locating. E-mail codes go through the API.
 */
export function registerRequestVerifyCommand(request: Command): void {
  request
    .command("verify")
    .argument("<id>", "request id")
    .requiredOption("--attest <note>", "attest the identity; the note says how it was checked")
    .option("--wait", "follow the request until it completes or waits for a person; exit 0 only when it completed")
    .option("--timeout <seconds>", "with --wait: give up after this many seconds", "300")
    .option("--json", "print JSON")
    .description("Attest the identity of a request's subject so that it can start.")
    .action(async (id: string, options: { attest: string; wait?: boolean; timeout: string; json?: boolean }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a request id (a UUID)`);
      const note = options.attest.trim();
      if (note === "") throw new UsageError("--attest needs a note saying how the identity was checked");
      const timeoutMs = parsePositiveInteger("--timeout", options.timeout) * 1000;
      const env = readEnvironment();
      const lethe = await openLethe(env);
      // With --json, stdout carries the JSON alone; what people read goes to stderr.
      const say = options.json ? process.stderr : process.stdout;
      try {
        await attestIdentity(lethe.database, { requestId: id, note, actor: "cli" });
        if (options.wait) {
          say.write(`request ${id} verified; following it\n`);
          const style = { prefix: env.commandPrefix, usesDatabaseUrl: env.usesDatabaseUrl };
          const { detail, outcome } = await followRequest(lethe, id, { timeoutMs, style, out: say });
          if (options.json) console.log(JSON.stringify(detail, null, 2));
          for (const line of outcome.lines) say.write(`${line}\n`);
          process.exitCode = outcome.exitCode;
          return;
        }
        const detail = await getRequestDetail(lethe.database, id);
        if (options.json) console.log(JSON.stringify(detail, null, 2));
        else console.log(`request ${id} verified; it starts locating now`);
      } finally {
        await lethe.close();
      }
    });
}
