import type { Command } from "commander";
import {
  approvePlan,
  getProvenance,
  getRequestPlan,
  PlanConflictError,
  PlanRequestNotFoundError,
  relocateRequest,
  reviewPlan,
  type RequestPlan,
} from "@lethe/runtime";
import { readEnvironment } from "../env";
import { formatProvenance } from "../format-provenance";
import { openLethe } from "../open-lethe";
import { UsageError } from "../report-failure";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestIdOf(id: string): string {
  if (!uuid.test(id)) throw new UsageError(`"${id}" is not a request id (a UUID)`);
  return id;
}

/** The engine's refusals ("3 records still await review") are the user's to fix, not crashes. */
function asUsage(error: unknown): never {
  if (error instanceof PlanConflictError || error instanceof PlanRequestNotFoundError) throw new UsageError(error.message);
  throw error;
}

/**
 * `lethe request plan <id>`, `lethe request review <id> --include/--exclude <record…>` and
 * `lethe request approve <id>`: the review of weak matches and the approval of a plan from the
 * terminal. Records are named by the ids `plan` prints (located record ids) or by the vendor's
 * record id as `plan` shows it.
 */
export function registerRequestPlanCommands(request: Command): void {
  request
    .command("plan")
    .argument("<id>", "request id")
    .option("--json", "print JSON")
    .description("Show the plan: what will be done to each located record, and which await review.")
    .action(async (id: string, options: { json?: boolean }) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const plan = await getRequestPlan(lethe.database, requestIdOf(id));
        if (!plan) throw new UsageError(`no request with id ${id}`);
        console.log(options.json ? JSON.stringify(plan, null, 2) : formatPlan(plan));
      } finally {
        await lethe.close();
      }
    });

  const collect = (value: string, previous: string[]) => [...previous, value];
  request
    .command("review")
    .argument("<id>", "request id")
    .option("--include <record...>", "records to act on after all (located record ids or vendor record ids)", collect, [])
    .option("--exclude <record...>", "records that are not the subject's", collect, [])
    .description("Include or exclude records awaiting review.")
    .action(async (id: string, options: { include: string[]; exclude: string[] }) => {
      const include = options.include.flatMap((value) => value.split(","));
      const exclude = options.exclude.flatMap((value) => value.split(","));
      if (include.length + exclude.length === 0) throw new UsageError("name records with --include or --exclude");
      const lethe = await openLethe(readEnvironment());
      try {
        const requestId = requestIdOf(id);
        const plan = await getRequestPlan(lethe.database, requestId);
        if (!plan) throw new UsageError(`no request with id ${id}`);
        const resolve = (name: string) => {
          const matches = plan.items.filter((item) => item.id === name || item.recordId === name || `${item.type}/${item.recordId}` === name);
          if (matches.length !== 1) throw new UsageError(`"${name}" names ${matches.length === 0 ? "no" : "more than one"} record of this plan`);
          return matches[0]?.id ?? name;
        };
        const decisions = [
          ...include.map((name) => ({ id: resolve(name), decision: "include" as const })),
          ...exclude.map((name) => ({ id: resolve(name), decision: "exclude" as const })),
        ];
        const result = await reviewPlan(lethe, { requestId, decisions, actor: "cli" }).catch(asUsage);
        console.log(`${result.changed} record(s) decided; ${result.pendingReview} still await review`);
      } finally {
        await lethe.close();
      }
    });

  request
    .command("approve")
    .argument("<id>", "request id")
    .description("Approve the plan of a request in review; the workers carry it out.")
    .action(async (id: string) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const result = await approvePlan(lethe, { requestId: requestIdOf(id), actor: "cli" }).catch(asUsage);
        console.log(`plan approved (${result.approved} item(s)); the workers carry it out now`);
      } finally {
        await lethe.close();
      }
    });

  request
    .command("relocate")
    .argument("<id>", "request id")
    .description("Locate again (a request in review): the plan is rebuilt, differences from the approved plan are marked, and it waits for approval again.")
    .action(async (id: string) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const result = await relocateRequest(lethe, { requestId: requestIdOf(id), actor: "cli" }).catch(asUsage);
        console.log(`locating again on ${result.instances} connector instance(s); then: lethe request plan ${id}`);
      } finally {
        await lethe.close();
      }
    });

  request
    .command("provenance")
    .argument("<id>", "request id")
    .option("--json", "print JSON")
    .description("Which identifier found which record through which system, and what each record revealed, round by round.")
    .action(async (id: string, options: { json?: boolean }) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const graph = await getProvenance(lethe.database, requestIdOf(id));
        if (!graph) throw new UsageError(`no request with id ${id}`);
        console.log(options.json ? JSON.stringify(graph, null, 2) : formatProvenance(graph));
      } finally {
        await lethe.close();
      }
    });
}

function formatPlan(plan: RequestPlan): string {
  const lines = [`plan      ${plan.status}${plan.approvedBy ? ` by ${plan.approvedBy}` : ""}`, `pending   ${plan.pendingReview} awaiting review`, ""];
  const header = ["record", "system", "type/id", "match", "round", "action", "review", "reason"];
  const rows = plan.items.map((item) => [
    item.id,
    item.instanceName,
    `${item.type}/${item.recordId}`,
    item.strength,
    String(item.round),
    `${item.action}${item.changedSinceApproval ? " (changed)" : ""}`,
    item.review,
    item.reason,
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  for (const row of [header, ...rows]) lines.push(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd());
  return lines.join("\n");
}
