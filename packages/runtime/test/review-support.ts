import type { Database } from "@lethe/db";
import { getRequest } from "@lethe/db";
import type { ConnectorRegistry } from "../src/connector-registry";
import { approvePlan, getRequestPlan, reviewPlan } from "../src/plan";
import { waitForRequests } from "../src/wait-for-requests";

/*
 * Test support: every seeded subject of the sandboxes shares a phone with a household member, so
 * the fixpoint (issue 4) finds the household's records in locate round 1 as weak matches that wait
 * in review. Tests about something else let a reviewer exclude them, approve, and wait for the end.
 */
export async function finishExcludingWeakMatches(
  deps: { database: Database; registry: ConnectorRegistry },
  id: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await waitForRequests(deps.database, [id], { timeoutMs: Math.max(1, deadline - Date.now()), orReview: true });
    if ((await getRequest(deps.database.db, id))?.status !== "review") return;
    const pending = (await getRequestPlan(deps.database, id))?.items.filter((item) => item.review === "pending") ?? [];
    if (pending.length > 0) {
      await reviewPlan(deps, { requestId: id, actor: "test", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
    }
    await approvePlan(deps, { requestId: id, actor: "test" });
  }
}
