import type { Command } from "commander";
import { noticeChannels } from "@lethe/contracts";
import { InvalidExtensionError } from "@lethe/core";
import { RequestNotFoundError } from "@lethe/db";
import { extendRequestDeadline, NoticeInFutureError, RequestClosedError } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { parseChoice, parsePositiveInteger } from "../parse-options";
import { UsageError } from "../report-failure";

/**
 * `lethe request extend <id> --months n | --days n --reason … --notice-channel c --notice-text …`:
 * the deadline extension of GDPR Art. 12(3) (two further months, the person told within the first
 * month) or CCPA (45 more days, once), with the notice given to the person recorded. The regime's
 * rule is the engine's (core's extendDueDate); its refusals are usage errors naming the rule.
 */
export function registerRequestExtendCommand(request: Command): void {
  request
    .command("extend")
    .argument("<id>", "request id")
    .option("--months <n>", "extend by this many months (GDPR)")
    .option("--days <n>", "extend by this many days (CCPA)")
    .requiredOption("--reason <text>", "why more time is needed (complexity, number of requests)")
    .requiredOption("--notice-channel <channel>", `how the person was told: ${noticeChannels.join(", ")}`)
    .requiredOption("--notice-text <text>", "what the person was told")
    .option("--notice-at <iso>", "when the person was told (default now)")
    .description("Extend a request's deadline within its regime's rule, recording the notice to the person.")
    .action(
      async (
        id: string,
        options: { months?: string; days?: string; reason: string; noticeChannel: string; noticeText: string; noticeAt?: string },
      ) => {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new UsageError(`"${id}" is not a request id (a UUID)`);
        if ((options.months === undefined) === (options.days === undefined)) throw new UsageError("give exactly one of --months or --days");
        const additional =
          options.months !== undefined
            ? { unit: "month" as const, amount: parsePositiveInteger("--months", options.months) }
            : { unit: "day" as const, amount: parsePositiveInteger("--days", options.days ?? "") };
        const channel = parseChoice("--notice-channel", options.noticeChannel, noticeChannels);
        if (options.reason.trim() === "") throw new UsageError("--reason must not be empty");
        if (options.noticeText.trim() === "") throw new UsageError("--notice-text must not be empty");
        const noticeAt = options.noticeAt === undefined ? new Date() : new Date(options.noticeAt);
        if (Number.isNaN(noticeAt.getTime())) throw new UsageError(`--notice-at must be an ISO 8601 time (got "${options.noticeAt}")`);
        const lethe = await openLethe(readEnvironment());
        try {
          const result = await extendRequestDeadline(lethe.database, {
            requestId: id,
            additional,
            reason: options.reason.trim(),
            noticeAt,
            notice: { channel, text: options.noticeText.trim() },
            actor: "cli",
          }).catch((error: unknown) => {
            if (
              error instanceof InvalidExtensionError ||
              error instanceof RequestClosedError ||
              error instanceof NoticeInFutureError ||
              error instanceof RequestNotFoundError
            ) {
              throw new UsageError(error.message);
            }
            throw error;
          });
          console.log(`request ${id} now due ${result.dueAt.toISOString()} (extended by ${result.totalExtension.amount} ${result.totalExtension.unit}(s) in all)`);
        } finally {
          await lethe.close();
        }
      },
    );
}
