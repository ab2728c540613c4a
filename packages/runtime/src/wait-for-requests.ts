import { isTerminal, requestStatusSchema } from "@lethe/core";
import { listRequestStatuses, type Database } from "@lethe/db";

export class RequestsTimeoutError extends Error {
  constructor(
    readonly pending: Array<{ id: string; status: string }>,
    readonly timeoutMs: number,
  ) {
    super(`${pending.length} request(s) did not finish within ${timeoutMs} ms`);
    this.name = "RequestsTimeoutError";
  }
}

export class UnknownRequestsError extends Error {
  constructor(readonly ids: string[]) {
    super(`no request with id ${ids.join(", ")}`);
    this.name = "UnknownRequestsError";
  }
}

/**
 * Resolves once every given request is in a final status (completed, partially completed,
 * rejected, cancelled) — or, with `orReview`, waits in review for a person's decision, which no
 * amount of waiting brings; a `RequestsTimeoutError` listing the unfinished ones after `timeoutMs`.
 */
export async function waitForRequests(
  database: Database,
  ids: readonly string[],
  options: { timeoutMs: number; pollIntervalMs?: number; orReview?: boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.pollIntervalMs ?? 200;
  const wanted = [...new Set(ids)];
  for (;;) {
    const rows = await listRequestStatuses(database.db, wanted);
    if (rows.length < wanted.length) {
      const found = new Set(rows.map((row) => row.id));
      throw new UnknownRequestsError(wanted.filter((id) => !found.has(id)));
    }
    const pending = rows.filter(
      (row) => !isTerminal(requestStatusSchema.parse(row.status)) && !(options.orReview && row.status === "review"),
    );
    if (pending.length === 0) return;
    if (Date.now() >= deadline) throw new RequestsTimeoutError(pending, options.timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(1, deadline - Date.now()))));
  }
}
