import { and, desc, eq, exists, ilike, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { requests, requestTasks, subjectIdentifiers } from "../schema";
import type { Executor } from "./executor";
import type { RequestRow } from "./requests";

export interface RequestSearch {
  status?: string;
  type?: string;
  regime?: string;
  dueBefore?: Date;
  /** Requests with work on this connector instance. */
  instanceId?: string;
  /** A request id prefix, or part of one of the subject's identifiers (case-insensitive). */
  text?: string;
  /** Continue after this request (keyset pagination on received_at desc, id desc). */
  after?: { receivedAt: Date; id: string };
  limit: number;
}

/** Requests newest first by time of receipt, filtered; keyset-paginated so pages never shift. */
export async function searchRequests(tx: Executor, search: RequestSearch): Promise<RequestRow[]> {
  const conditions: SQL[] = [];
  if (search.status) conditions.push(eq(requests.status, search.status));
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
    const { receivedAt, id } = search.after;
    const afterCondition = or(
      lt(requests.receivedAt, receivedAt),
      and(eq(requests.receivedAt, receivedAt), lt(requests.id, id)),
    );
    if (afterCondition) conditions.push(afterCondition);
  }
  return tx
    .select()
    .from(requests)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(requests.receivedAt), desc(requests.id))
    .limit(search.limit);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
