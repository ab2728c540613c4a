import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { connectorInstances, consentLedger, consentRemediations } from "../schema";
import type { Executor } from "./executor";

export type ConsentLedgerRow = typeof consentLedger.$inferSelect;
export type NewConsentLedgerEntry = Omit<typeof consentLedger.$inferInsert, "id" | "recordedAt" | "updatedAt">;
export type ConsentRemediationRow = typeof consentRemediations.$inferSelect;

/**
 * Writes a page of ledger entries: new participants inserted, known ones (same instance, call and
 * participant) brought up to date — reading the same calls again changes nothing but `updatedAt`.
 * Returns the rows as stored.
 */
export async function upsertConsentEntries(tx: Executor, entries: readonly NewConsentLedgerEntry[]): Promise<ConsentLedgerRow[]> {
  if (entries.length === 0) return [];
  return tx
    .insert(consentLedger)
    .values([...entries])
    .onConflictDoUpdate({
      target: [consentLedger.instanceId, consentLedger.recordId, consentLedger.participantId],
      set: {
        role: sql`excluded.role`,
        identifierHashes: sql`excluded.identifier_hashes`,
        identifierHints: sql`excluded.identifier_hints`,
        channel: sql`excluded.channel`,
        callStartedAt: sql`excluded.call_started_at`,
        callDurationMs: sql`excluded.call_duration_ms`,
        joinedAtMs: sql`excluded.joined_at_ms`,
        leftAtMs: sql`excluded.left_at_ms`,
        facts: sql`excluded.facts`,
        region: sql`excluded.region`,
        rule: sql`excluded.rule`,
        disclosedAtMs: sql`excluded.disclosed_at_ms`,
        consentedAtMs: sql`excluded.consented_at_ms`,
        capture: sql`excluded.capture`,
        withdrawnAtMs: sql`excluded.withdrawn_at_ms`,
        consented: sql`excluded.consented`,
        unconsented: sql`excluded.unconsented`,
        reason: sql`excluded.reason`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
}

export interface ConsentGapFilter {
  instanceId?: string;
  /** Calls that started at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface ConsentGapRow extends ConsentLedgerRow {
  instanceName: string;
  connectorId: string;
  /** The newest remediation of the entry, if any. */
  remediationId: string | null;
  remediationStatus: string | null;
}

function gapWhere(filter: Omit<ConsentGapFilter, "limit" | "offset">): SQL | undefined {
  return and(
    eq(consentLedger.consented, false),
    filter.instanceId ? eq(consentLedger.instanceId, filter.instanceId) : undefined,
    filter.from ? gte(consentLedger.callStartedAt, filter.from) : undefined,
    filter.to ? lt(consentLedger.callStartedAt, filter.to) : undefined,
  );
}

const latestRemediation = sql<string | null>`(
  select cr.id::text from consent_remediations cr where cr.ledger_entry_id = "consent_ledger"."id"
  order by cr.created_at desc, cr.id desc limit 1
)`;
const latestRemediationStatus = sql<string | null>`(
  select cr.status from consent_remediations cr where cr.ledger_entry_id = "consent_ledger"."id"
  order by cr.created_at desc, cr.id desc limit 1
)`;

/** Participants whose recording lacks consent, newest call first, with the system and any remediation. */
export async function listConsentGaps(tx: Executor, filter: ConsentGapFilter): Promise<{ rows: ConsentGapRow[]; total: number }> {
  const where = gapWhere(filter);
  const rows = await tx
    .select({
      entry: consentLedger,
      instanceName: connectorInstances.name,
      connectorId: connectorInstances.connectorId,
      remediationId: latestRemediation,
      remediationStatus: latestRemediationStatus,
    })
    .from(consentLedger)
    .innerJoin(connectorInstances, eq(connectorInstances.id, consentLedger.instanceId))
    .where(where)
    .orderBy(desc(consentLedger.callStartedAt), asc(consentLedger.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await tx.select({ total: sql<number>`count(*)::int` }).from(consentLedger).where(where);
  return {
    rows: rows.map((row) => ({ ...row.entry, instanceName: row.instanceName, connectorId: row.connectorId, remediationId: row.remediationId, remediationStatus: row.remediationStatus })),
    total: count?.total ?? 0,
  };
}

export interface ConsentGapSummaryRow {
  instanceId: string;
  instanceName: string;
  /** `YYYY-MM` of the call's start (UTC). */
  period: string;
  participants: number;
  calls: number;
}

/** Unconsented participants and calls per system and month. */
export async function summariseConsentGaps(tx: Executor, filter: Omit<ConsentGapFilter, "limit" | "offset">): Promise<ConsentGapSummaryRow[]> {
  const period = sql<string>`to_char(${consentLedger.callStartedAt} at time zone 'UTC', 'YYYY-MM')`;
  return tx
    .select({
      instanceId: consentLedger.instanceId,
      instanceName: connectorInstances.name,
      period,
      participants: sql<number>`count(*)::int`,
      calls: sql<number>`count(distinct ${consentLedger.recordId})::int`,
    })
    .from(consentLedger)
    .innerJoin(connectorInstances, eq(connectorInstances.id, consentLedger.instanceId))
    .where(gapWhere(filter))
    .groupBy(consentLedger.instanceId, connectorInstances.name, period)
    .orderBy(desc(period), asc(connectorInstances.name));
}

export async function getConsentEntry(tx: Executor, id: string): Promise<ConsentLedgerRow | undefined> {
  const [row] = await tx.select().from(consentLedger).where(eq(consentLedger.id, id));
  return row;
}

/** Every ledger entry of a call, in participant order. */
export async function consentEntriesOfCall(tx: Executor, instanceId: string, recordId: string): Promise<ConsentLedgerRow[]> {
  return tx
    .select()
    .from(consentLedger)
    .where(and(eq(consentLedger.instanceId, instanceId), eq(consentLedger.recordId, recordId)))
    .orderBy(asc(consentLedger.joinedAtMs), asc(consentLedger.participantId));
}

/** The entries of a person: any of whose identifier hashes is among `hashes` (an access export's evidence). */
export async function consentEntriesForHashes(tx: Executor, hashes: readonly string[]): Promise<(ConsentLedgerRow & { instanceName: string; connectorId: string })[]> {
  if (hashes.length === 0) return [];
  const rows = await tx
    .select({ entry: consentLedger, instanceName: connectorInstances.name, connectorId: connectorInstances.connectorId })
    .from(consentLedger)
    .innerJoin(connectorInstances, eq(connectorInstances.id, consentLedger.instanceId))
    .where(sql`${consentLedger.identifierHashes} && ${sql.param([...hashes])}::text[]`)
    .orderBy(asc(consentLedger.callStartedAt), asc(consentLedger.id));
  return rows.map((row) => ({ ...row.entry, instanceName: row.instanceName, connectorId: row.connectorId }));
}

export async function insertConsentRemediation(tx: Executor, row: typeof consentRemediations.$inferInsert): Promise<ConsentRemediationRow> {
  const [inserted] = await tx.insert(consentRemediations).values(row).returning();
  if (!inserted) throw new Error("inserting a consent remediation returned no row");
  return inserted;
}

export async function getConsentRemediation(tx: Executor, id: string): Promise<ConsentRemediationRow | undefined> {
  const [row] = await tx.select().from(consentRemediations).where(eq(consentRemediations.id, id));
  return row;
}

/** Remediations of these ledger entries, newest first. */
export async function remediationsOfEntries(tx: Executor, entryIds: readonly string[]): Promise<ConsentRemediationRow[]> {
  if (entryIds.length === 0) return [];
  return tx
    .select()
    .from(consentRemediations)
    .where(inArray(consentRemediations.ledgerEntryId, [...entryIds]))
    .orderBy(desc(consentRemediations.createdAt), desc(consentRemediations.id));
}

/**
 * Moves a remediation from one status to the next only if it is still in `from` (two approvers
 * racing approve it once); the row after the change, or undefined when it was not in `from`.
 */
export async function transitionConsentRemediation(
  tx: Executor,
  id: string,
  from: string,
  change: Partial<Pick<ConsentRemediationRow, "status" | "approvedBy" | "approvedAt" | "receipt" | "heldBy" | "error" | "finishedAt">>,
): Promise<ConsentRemediationRow | undefined> {
  const [row] = await tx
    .update(consentRemediations)
    .set(change)
    .where(and(eq(consentRemediations.id, id), eq(consentRemediations.status, from)))
    .returning();
  return row;
}
