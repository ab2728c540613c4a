import { getRequest } from "@lethe/db";
import { isTerminal, requestStatusSchema } from "@lethe/core";
import type { Database } from "@lethe/db";
import type { RuntimeDependencies } from "../src/runtime-dependencies";
import { approvePlan, getRequestPlan, reviewPlan } from "../src/plan";

/**
 * Test support: drives requests to a final status the way a reviewer would — whenever one waits
 * in review, its pending weak matches are excluded and the plan approved. For tests about
 * something else (minimisation, holds) that must not hang on the review step.
 */
export async function runToEnd(
  deps: Pick<RuntimeDependencies, "database" | "registry" | "secretBox">,
  ids: readonly string[],
  options: { timeoutMs: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const database: Database = deps.database;
  for (const id of ids) {
    for (;;) {
      const status = requestStatusSchema.parse((await getRequest(database.db, id))?.status);
      if (isTerminal(status)) break;
      if (Date.now() > deadline) throw new Error(`request ${id} is still ${status} after ${options.timeoutMs} ms`);
      if (status === "review") {
        const plan = await getRequestPlan(database, id);
        const pending = plan?.items.filter((item) => item.review === "pending") ?? [];
        if (pending.length > 0) {
          await reviewPlan(deps, {
            requestId: id,
            actor: "user:test-reviewer",
            decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })),
          });
        }
        // A conflict means the request moved on meanwhile; the loop looks again.
        await approvePlan(deps as RuntimeDependencies, { requestId: id, actor: "user:test-reviewer" }).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
