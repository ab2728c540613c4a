import type { Database, SecretSealer } from "@lethe/db";
import { listRequestsDueForMinimisation } from "@lethe/db";
import { identifierHashKey } from "../identifier-hash-key";
import { minimiseRequest } from "./minimise-request";

/** CCPA keeps records of requests and responses for 24 months (docs/domain.md); GDPR sets no longer floor. */
export const defaultRequestRetentionDays = 730;

const batch = 100;

/**
 * Minimises every closed request whose retention period has run out, oldest first, in batches
 * until none is left. Safe to run in several processes at once: each request is minimised under
 * its row lock and one already minimised is skipped. Used by the periodic task and `lethe minimise`.
 */
export async function minimiseClosedRequests(
  deps: { database: Database; secretBox: SecretSealer },
  options: { retentionDays?: number; now?: Date; signal?: AbortSignal } = {},
): Promise<{ minimised: number; retentionDays: number; closedBefore: Date }> {
  const now = options.now ?? new Date();
  const retentionDays = options.retentionDays ?? defaultRequestRetentionDays;
  const closedBefore = new Date(now.getTime() - retentionDays * 86_400_000);
  const key = identifierHashKey(deps);
  let minimised = 0;
  for (;;) {
    const due = await listRequestsDueForMinimisation(deps.database.db, closedBefore, batch);
    let progressed = 0;
    for (const requestId of due) {
      options.signal?.throwIfAborted();
      if ((await minimiseRequest(deps.database, { requestId, key, now })) === "minimised") progressed += 1;
    }
    minimised += progressed;
    if (due.length < batch || progressed === 0) break;
  }
  return { minimised, retentionDays, closedBefore };
}
