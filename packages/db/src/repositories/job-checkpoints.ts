import { eq, like } from "drizzle-orm";
import { jobCheckpoints } from "../schema";
import type { Executor } from "./executor";

export async function loadCheckpoint(tx: Executor, key: string): Promise<unknown> {
  const [row] = await tx.select({ state: jobCheckpoints.state }).from(jobCheckpoints).where(eq(jobCheckpoints.key, key));
  return row?.state;
}

export async function saveCheckpoint(tx: Executor, key: string, state: unknown): Promise<void> {
  const now = new Date();
  await tx
    .insert(jobCheckpoints)
    .values({ key, state, updatedAt: now })
    .onConflictDoUpdate({ target: jobCheckpoints.key, set: { state, updatedAt: now } });
}

export async function deleteCheckpoint(tx: Executor, key: string): Promise<void> {
  await tx.delete(jobCheckpoints).where(eq(jobCheckpoints.key, key));
}

/** Removes every checkpoint whose key starts with `prefix` (a finished request's, say). */
export async function deleteCheckpointsWithPrefix(tx: Executor, prefix: string): Promise<void> {
  const escaped = prefix.replace(/[\\%_]/g, (character) => `\\${character}`);
  await tx.delete(jobCheckpoints).where(like(jobCheckpoints.key, `${escaped}%`));
}
