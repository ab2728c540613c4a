import type { Command } from "commander";
import { getRequest } from "@lethe/db";
import { approvePlan, getProvenance, getRequestPlan, relocateRequest, type RequestPlan } from "@lethe/runtime";
import { commandHint } from "../command-hint";
import { readEnvironment, type LetheEnvironment } from "../env";
import { approvalCounts, formatApproval, formatPlanItems, formatPlanSummary } from "../format-plan";
import { formatProvenance } from "../format-provenance";
import { openLethe } from "../open-lethe";
import { UsageError } from "../report-failure";
import { asUsage, requestIdOf } from "./plan-errors";
import { registerRequestReviewCommand } from "./request-review";

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
    .option("--verbose", "list every located record with its action and reason")
    .option("--json", "print JSON")
    .description("Show the plan: records per system and action, which await review and why (--verbose: each record).")
    .action(async (id: string, options: { verbose?: boolean; json?: boolean }) => {
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const requestId = requestIdOf(id);
        const plan = await getRequestPlan(lethe.database, requestId);
        const status = (await getRequest(lethe.database.db, requestId))?.status;
        if (!plan || !status) throw new UsageError(`no request with id ${id}`);
        if (options.json) {
          console.log(JSON.stringify(plan, null, 2));
          return;
        }
        console.log(formatPlanSummary(plan));
        if (options.verbose) console.log(`\n${formatPlanItems(plan)}`);
        console.log(`\n${nextForPlan(env, id, status, plan, options.verbose ?? false)}`);
      } finally {
        await lethe.close();
      }
    });

  registerRequestReviewCommand(request);

  request
    .command("approve")
    .argument("<id>", "request id")
    .description("Approve the plan of a request in review; the workers carry it out.")
    .action(async (id: string) => {
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const requestId = requestIdOf(id);
        const before = await getRequestPlan(lethe.database, requestId);
        if (!before) throw new UsageError(`no request with id ${id}`);
        await approvePlan(lethe, { requestId, actor: "cli" }).catch(asUsage);
        console.log(formatApproval(approvalCounts(before)));
        console.log(`A running \`lethe start\` or \`lethe worker\` carries it out now; follow it with: ${commandHint(env, "request", "show", id)}`);
      } finally {
        await lethe.close();
      }
    });

  request
    .command("relocate")
    .argument("<id>", "request id")
    .description("Locate again (a request in review): the plan is rebuilt, differences from the approved plan are marked, and it waits for approval again.")
    .action(async (id: string) => {
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const result = await relocateRequest(lethe, { requestId: requestIdOf(id), actor: "cli" }).catch(asUsage);
        console.log(`locating again on ${result.instances} connector instance(s); then: ${commandHint(env, "request", "plan", id)}`);
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

/** The step a plan in review waits for, or how to see more of it. */
function nextForPlan(env: LetheEnvironment, id: string, status: string, plan: RequestPlan, verbose: boolean): string {
  const lines: string[] = [];
  if (status !== "review") lines.push(`The request is ${status}; nothing awaits a decision.`);
  else if (plan.pendingReview > 0) {
    lines.push(
      `Next: decide the ${plan.pendingReview} record(s) awaiting review, all at once or per system and reason, e.g.`,
      `  ${commandHint(env, "request", "review", id, "--exclude-all", "--system", "<system>")}`,
      `  ${commandHint(env, "request", "review", id, "--include-all", "--reason", "<reason>")}`,
      `  ${commandHint(env, "request", "review", id, "--include", "<record>")}`,
    );
  } else lines.push(`Next: approve the plan: ${commandHint(env, "request", "approve", id)}`);
  if (!verbose) lines.push(`Every record: ${commandHint(env, "request", "plan", id, "--verbose")}`);
  return lines.join("\n");
}
