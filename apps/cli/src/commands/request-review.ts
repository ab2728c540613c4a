import type { Command } from "commander";
import { getRequestPlan, reviewPlan, type RequestPlan } from "@lethe/runtime";
import { commandHint } from "../command-hint";
import { readEnvironment, type LetheEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { UsageError } from "../report-failure";
import { pendingChoices, selectForReview, type ReviewFilter } from "../review-selection";
import { asUsage, requestIdOf } from "./plan-errors";

interface ReviewOptions {
  include: string[];
  exclude: string[];
  includeAll?: boolean;
  excludeAll?: boolean;
  system?: string;
  reason?: string;
}

type Decision = "include" | "exclude";

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `lethe request review <id>`: include or exclude weak matches, named one by one
 * (`--include/--exclude <record…>`) or in bulk (`--include-all/--exclude-all`, narrowed by
 * `--system` and `--reason`). Decided through the runtime's reviewPlan, as the API's review is.
 */
export function registerRequestReviewCommand(request: Command): void {
  request
    .command("review")
    .argument("<id>", "request id")
    .option("--include <record...>", "records to act on after all (located record ids or vendor record ids)", collect, [])
    .option("--exclude <record...>", "records that are not the subject's", collect, [])
    .option("--include-all", "include every record still awaiting review (narrow with --system, --reason)")
    .option("--exclude-all", "exclude every record still awaiting review (narrow with --system, --reason)")
    .option("--system <instance>", "with --include-all/--exclude-all: only records of this connector instance (name or id)")
    .option("--reason <reason>", "with --include-all/--exclude-all: only records with this match reason (a key such as shared, or words of its text)")
    .description("Include or exclude records awaiting review: by record, or all of them (of a system, with a reason) at once.")
    .action(async (id: string, options: ReviewOptions) => {
      const include = options.include.flatMap((value) => value.split(","));
      const exclude = options.exclude.flatMap((value) => value.split(","));
      if (options.includeAll && options.excludeAll) throw new UsageError("give --include-all or --exclude-all, not both");
      const bulk: Decision | undefined = options.includeAll ? "include" : options.excludeAll ? "exclude" : undefined;
      if (!bulk && (options.system !== undefined || options.reason !== undefined)) {
        throw new UsageError("--system and --reason narrow --include-all or --exclude-all; give one of those");
      }
      if (include.length + exclude.length === 0 && !bulk) {
        throw new UsageError("name records with --include/--exclude, or decide them in bulk with --include-all/--exclude-all");
      }
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const requestId = requestIdOf(id);
        const plan = await getRequestPlan(lethe.database, requestId);
        if (!plan) throw new UsageError(`no request with id ${id}`);
        const named = [
          ...include.map((name) => ({ id: resolveRecord(plan, name), decision: "include" as const })),
          ...exclude.map((name) => ({ id: resolveRecord(plan, name), decision: "exclude" as const })),
        ];
        const filter: ReviewFilter = { system: options.system, reason: options.reason };
        const namedIds = new Set(named.map((decision) => decision.id));
        const selected = bulk ? selectForReview(plan.items, filter).filter((item) => !namedIds.has(item.id)) : [];
        if (bulk && selected.length === 0 && named.length === 0) throw new UsageError(nothingSelected(plan, filter));
        const decisions = [...named, ...selected.map((item) => ({ id: item.id, decision: bulk ?? ("exclude" as const) }))];
        const result = await reviewPlan(lethe, { requestId, decisions, actor: "cli" }).catch(asUsage);
        const included = decisions.filter((decision) => decision.decision === "include").length;
        console.log(`${result.changed} record(s) decided (${included} included, ${result.changed - included} excluded); ${result.pendingReview} still await review`);
        console.log(nextAfterReview(env, id, result.pendingReview));
      } finally {
        await lethe.close();
      }
    });
}

/** A record by the located record id `plan --verbose` prints, or the vendor's record id (optionally `type/id`). */
function resolveRecord(plan: RequestPlan, name: string): string {
  const matches = plan.items.filter((item) => item.id === name || item.recordId === name || `${item.type}/${item.recordId}` === name);
  const [only] = matches;
  if (matches.length !== 1 || !only) throw new UsageError(`"${name}" names ${matches.length === 0 ? "no" : "more than one"} record of this plan`);
  return only.id;
}

function nothingSelected(plan: RequestPlan, filter: ReviewFilter): string {
  if (plan.pendingReview === 0) return "no record of this request awaits review";
  const choices = pendingChoices(plan.items);
  const narrowed = [filter.system !== undefined ? `--system ${filter.system}` : "", filter.reason !== undefined ? `--reason ${filter.reason}` : ""].filter(Boolean).join(" ");
  return [
    `no record awaiting review matches ${narrowed}`,
    `  systems with records awaiting review: ${choices.systems.join(", ")}`,
    `  reasons: ${choices.reasons.join(", ")}`,
  ].join("\n");
}

/**
 * What to do after a review: more decisions while records await review, else approval. A
 * review never continues the request by itself, even where LETHE_AUTO_APPROVE approves the
 * plan: the engine approves automatically only a plan it built (core's nextStep), not one a
 * person has reviewed, which waits in review for `approve`.
 */
function nextAfterReview(env: LetheEnvironment, id: string, pending: number): string {
  if (pending > 0) {
    return `Next: decide the rest, e.g. ${commandHint(env, "request", "review", id, "--exclude-all")} (see ${commandHint(env, "request", "plan", id)})`;
  }
  return `Next: approve the plan: ${commandHint(env, "request", "approve", id)}`;
}
