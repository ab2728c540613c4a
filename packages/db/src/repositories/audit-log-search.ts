import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import { auditLog } from "../schema";
import type { AuditPayload } from "./audit-log";
import type { Executor } from "./executor";

/** What the audit page filters by; every filter is optional and they combine with "and". */
export interface AuditLogFilter {
  requestId?: string;
  actor?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Inclusive. */
  to?: Date;
  /** Entries inserted before this one (its `id`): the next page. */
  beforeId?: number;
  limit: number;
}

/** An entry as written, sealed or not yet (`seq`, `prevHash`, `hash` null until the sealer runs). */
export interface AuditLogEntry {
  id: number;
  seq: number | null;
  at: Date;
  actor: string;
  action: string;
  requestId: string | null;
  payload: AuditPayload;
  prevHash: string | null;
  hash: string | null;
}

/**
 * A page of the audit log, newest first by insertion order (`id`, which every entry has from the
 * start, unlike `seq`). One more row than asked is read to tell whether another page follows.
 */
export async function searchAuditLog(tx: Executor, filter: AuditLogFilter): Promise<{ entries: AuditLogEntry[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.requestId !== undefined) conditions.push(eq(auditLog.requestId, filter.requestId));
  if (filter.actor !== undefined) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from !== undefined) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to !== undefined) conditions.push(lte(auditLog.at, filter.to));
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  return {
    entries: rows.slice(0, filter.limit).map((row) => ({
      ...row,
      // jsonb holds JSON by construction.
      payload: row.payload as AuditPayload,
    })),
    hasMore: rows.length > filter.limit,
  };
}

/** The actions the log holds, for the page's filter. */
export async function listAuditActions(tx: Executor): Promise<string[]> {
  const rows = await tx.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
