import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { deadlineExtensions, jobCheckpoints, locatedRecords, planItems, requests, subjectIdentifiers, suppressedIdentifiers } from "../schema";
import type { Executor } from "./executor";

export interface SuppressionEntry {
  kind: string;
  identifierHash: string;
}

/** Adds hashes to the suppression list; one already there stays with its first request. */
export async function insertSuppressedIdentifiers(
  tx: Executor,
  requestId: string,
  entries: readonly SuppressionEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(suppressedIdentifiers)
    .values(entries.map((entry) => ({ ...entry, requestId })))
    .onConflictDoNothing();
}

/** How many of these hashes are on the suppression list (from a request other than `exceptRequestId`). */
export async function countSuppressedMatches(
  tx: Executor,
  entries: readonly SuppressionEntry[],
  exceptRequestId?: string,
): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await tx
    .select({ kind: suppressedIdentifiers.kind, identifierHash: suppressedIdentifiers.identifierHash, requestId: suppressedIdentifiers.requestId })
    .from(suppressedIdentifiers)
    .where(inArray(suppressedIdentifiers.identifierHash, entries.map((entry) => entry.identifierHash)));
  const wanted = new Set(entries.map((entry) => `${entry.kind}:${entry.identifierHash}`));
  return rows.filter((row) => wanted.has(`${row.kind}:${row.identifierHash}`) && row.requestId !== exceptRequestId).length;
}

/** Adds to a request's count of identifiers found on the suppression list. */
export async function addSuppressionMatches(tx: Executor, requestId: string, matches: number): Promise<void> {
  if (matches <= 0) return;
  await tx
    .update(requests)
    .set({ suppressionMatches: sql`${requests.suppressionMatches} + ${matches}`, updatedAt: new Date() })
    .where(eq(requests.id, requestId));
}

/** Closed requests whose retention ran out before `closedBefore` and that still hold identifiers. */
export async function listRequestsDueForMinimisation(tx: Executor, closedBefore: Date, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(isNotNull(requests.closedAt), lt(requests.closedAt, closedBefore), isNull(requests.minimisedAt)))
    .orderBy(requests.closedAt)
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Removes every plaintext trace of the subject from a request's rows, in the caller's
 * transaction: identifiers, what located records matched on and revealed, their labels (which
 * can quote a subject line), proposed field values, type parameters, the text of deadline
 * notices sent to the person (their channel and time stay as the record that notice was given),
 * and connectors' resumable state (a locate cursor can hold the search term). Counts, outcomes,
 * receipts and the audit chain stay: they hold no identifier.
 */
export async function scrubRequestPersonalData(tx: Executor, requestId: string, at: Date): Promise<void> {
  await tx.delete(subjectIdentifiers).where(eq(subjectIdentifiers.requestId, requestId));
  await tx
    .update(locatedRecords)
    .set({ matchedBy: sql`'[]'::jsonb`, discovered: sql`'[]'::jsonb`, label: null })
    .where(eq(locatedRecords.requestId, requestId));
  await tx.update(planItems).set({ fieldUpdates: null }).where(eq(planItems.requestId, requestId));
  await tx.update(deadlineExtensions).set({ noticeText: null }).where(eq(deadlineExtensions.requestId, requestId));
  await tx.delete(jobCheckpoints).where(sql`${jobCheckpoints.key} like ${`${requestId}:%`}`);
  await tx
    .update(requests)
    .set({ parameters: null, exportPath: null, minimisedAt: at, updatedAt: at })
    .where(eq(requests.id, requestId));
}
