import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { requests, requestStatusHistory } from "../schema";
import type { Executor } from "./executor";

export type RequestRow = typeof requests.$inferSelect;
export type StatusHistoryRow = typeof requestStatusHistory.$inferSelect;

export interface NewRequest {
  type: string;
  regime: string;
  receivedAt: Date;
  dueAt: Date;
  timeZone: string;
  /** Who filed it (a user id, `cli`, `api:<token id>`); recorded in the status history. */
  actor: string;
  /** Type-specific input, validated by the runtime (rectification changes, restriction lift). */
  parameters?: unknown;
}

/** Inserts a request in status `received`, with the first row of its status history. */
export async function insertRequest(tx: Executor, input: NewRequest): Promise<RequestRow> {
  const [row] = await tx
    .insert(requests)
    .values({
      type: input.type,
      regime: input.regime,
      status: "received",
      receivedAt: input.receivedAt,
      dueAt: input.dueAt,
      timeZone: input.timeZone,
      parameters: input.parameters ?? null,
    })
    .returning();
  if (!row) throw new Error("inserting a request returned no row");
  await tx.insert(requestStatusHistory).values({
    requestId: row.id,
    fromStatus: null,
    toStatus: "received",
    actor: input.actor,
  });
  return row;
}

export async function getRequest(tx: Executor, id: string): Promise<RequestRow | null> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id));
  return row ?? null;
}

/**
 * Reads a request and holds its row lock until the transaction ends. Every decision that depends
 * on the request's state and its tasks (the last locate finishing, finalising) is taken under
 * this lock, so two workers finishing at once cannot both — or neither — take the next step.
 */
export async function lockRequest(tx: Executor, id: string): Promise<RequestRow | null> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).for("update");
  return row ?? null;
}

export class RequestNotFoundError extends Error {
  constructor(readonly requestId: string) {
    super(`request ${requestId} does not exist`);
    this.name = "RequestNotFoundError";
  }
}

export interface StatusChange {
  requestId: string;
  /** The status the caller read under `lockRequest` and checked the move from. */
  from: string;
  to: string;
  actor: string;
  reason?: string;
  /** Non-identifying outcome details to store with the new status (counts, failures). */
  outcome?: Record<string, unknown>;
  /** The new status ends the request (closed_at is set). */
  closes: boolean;
}

/**
 * Stores a status change and records it in the status history. Which moves are allowed is not
 * the database's to decide: the runtime's `transitionRequest` locks the row, checks the move with
 * the engine's lifecycle rules and then calls this, in the same transaction.
 */
export async function recordStatusChange(tx: Executor, change: StatusChange): Promise<void> {
  const now = new Date();
  await tx
    .update(requests)
    .set({
      status: change.to,
      updatedAt: now,
      // The retention period of Lethe's own record of the request runs from here (minimisation).
      ...(change.closes ? { closedAt: now } : {}),
      ...(change.outcome ? { outcome: change.outcome } : {}),
    })
    .where(eq(requests.id, change.requestId));
  await tx.insert(requestStatusHistory).values({
    requestId: change.requestId,
    fromStatus: change.from,
    toStatus: change.to,
    actor: change.actor,
    reason: change.reason ?? null,
    at: now,
  });
}

export async function setRequestExport(
  tx: Executor,
  input: { requestId: string; path: string; sha256: string },
): Promise<void> {
  await tx
    .update(requests)
    .set({ exportPath: input.path, exportSha256: input.sha256, updatedAt: new Date() })
    .where(eq(requests.id, input.requestId));
}

export async function listStatusHistory(tx: Executor, requestId: string): Promise<StatusHistoryRow[]> {
  return tx
    .select()
    .from(requestStatusHistory)
    .where(eq(requestStatusHistory.requestId, requestId))
    .orderBy(asc(requestStatusHistory.id));
}

/** Newest first. */
export async function listRequests(
  tx: Executor,
  filter: { status?: string; limit?: number } = {},
): Promise<RequestRow[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(requests.status, filter.status));
  return tx
    .select()
    .from(requests)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(requests.receivedAt), desc(requests.createdAt))
    .limit(filter.limit ?? 100);
}

export async function listRequestStatuses(
  tx: Executor,
  ids: readonly string[],
): Promise<Array<{ id: string; status: string }>> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: requests.id, status: requests.status })
    .from(requests)
    .where(inArray(requests.id, [...ids]));
}
