import { asc, eq } from "drizzle-orm";
import { deadlineExtensions, requests } from "../schema";
import type { Executor } from "./executor";

export type DeadlineExtensionRow = typeof deadlineExtensions.$inferSelect;

export async function listDeadlineExtensions(tx: Executor, requestId: string): Promise<DeadlineExtensionRow[]> {
  return tx
    .select()
    .from(deadlineExtensions)
    .where(eq(deadlineExtensions.requestId, requestId))
    .orderBy(asc(deadlineExtensions.id));
}

/** Records an extension and moves the request's due date; run in the caller's transaction under the request's lock. */
export async function insertDeadlineExtension(
  tx: Executor,
  input: Omit<typeof deadlineExtensions.$inferInsert, "id" | "at">,
): Promise<DeadlineExtensionRow> {
  const [row] = await tx.insert(deadlineExtensions).values(input).returning();
  if (!row) throw new Error("inserting a deadline extension returned no row");
  await tx.update(requests).set({ dueAt: input.dueAt, updatedAt: new Date() }).where(eq(requests.id, input.requestId));
  return row;
}
