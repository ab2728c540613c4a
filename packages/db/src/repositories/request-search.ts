import { and, asc, desc, eq, exists, gt, ilike, inArray, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { requests, requestTasks, subjectIdentifiers } from "../schema";
import type { Executor } from "./executor";
import type { RequestRow } from "./requests";

export interface RequestSearch {
  status?: string;
  /** Only requests in (`in`) or not in (`notIn`) these statuses. */
  statuses?: { in: readonly string[] } | { notIn: readonly string[] };
  type?: string;
  regime?: string;
  dueBefore?: Date;
  /** Requests with work on this connector instance. */
  instanceId?: string;
  /** A request id prefix, or part of one of the subject's identifiers (case-insensitive). */
  text?: string;
  /** Default: by time of receipt, newest first. Ties break on the id in the same direction. */
  order?: RequestSearchOrder;
  /**
   * Continue after this request: `at` is its value of the ordering column (received_at or
   * due_at), so pages never shift when requests arrive in between.
   */
  after?: { at: Date; id: string };
  limit: number;
}

export interface RequestSearchOrder {
  by: "receivedAt" | "dueAt";
  direction: "asc" | "desc";
}

/** Requests filtered and ordered as asked (newest received first by default); keyset-paginated. */
export async function searchRequests(tx: Executor, search: RequestSearch): Promise<RequestRow[]> {
  const order = search.order ?? { by: "receivedAt", direction: "desc" };
  // The keyset condition is on the same (column, id) pair as the order, so a page is a range scan
  // of requests_received_idx or requests_due_idx (both on (column, id)) rather than an offset.
  const column = order.by === "dueAt" ? requests.dueAt : requests.receivedAt;
  const beyond = order.direction === "asc" ? gt : lt;
  const direction = order.direction === "asc" ? asc : desc;
  const conditions: SQL[] = [];
  if (search.status) conditions.push(eq(requests.status, search.status));
  if (search.statuses && "in" in search.statuses) conditions.push(inArray(requests.status, [...search.statuses.in]));
  if (search.statuses && "notIn" in search.statuses) conditions.push(notInArray(requests.status, [...search.statuses.notIn]));
  if (search.type) conditions.push(eq(requests.type, search.type));
  if (search.regime) conditions.push(eq(requests.regime, search.regime));
  if (search.dueBefore) conditions.push(lte(requests.dueAt, search.dueBefore));
  if (search.instanceId) {
    conditions.push(
      exists(
        tx
          .select({ one: sql`1` })
          .from(requestTasks)
          .where(and(eq(requestTasks.requestId, requests.id), eq(requestTasks.instanceId, search.instanceId))),
      ),
    );
  }
  if (search.text) {
    const pattern = `%${escapeLike(search.text)}%`;
    const textMatch = or(
      ilike(sql`${requests.id}::text`, `${escapeLike(search.text)}%`),
      exists(
        tx
          .select({ one: sql`1` })
          .from(subjectIdentifiers)
          .where(and(eq(subjectIdentifiers.requestId, requests.id), ilike(subjectIdentifiers.value, pattern))),
      ),
    );
    if (textMatch) conditions.push(textMatch);
  }
  if (search.after) {
    const { at, id } = search.after;
    const afterCondition = or(beyond(column, at), and(eq(column, at), beyond(requests.id, id)));
    if (afterCondition) conditions.push(afterCondition);
  }
  return tx
    .select()
    .from(requests)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(direction(column), direction(requests.id))
    .limit(search.limit);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
