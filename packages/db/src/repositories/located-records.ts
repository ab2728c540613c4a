import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { locatedRecords } from "../schema";
import type { Executor } from "./executor";

export type LocatedRecordRow = typeof locatedRecords.$inferSelect;

export interface NewLocatedRecord {
  requestId: string;
  instanceId: string;
  recordType: string;
  recordId: string;
  /** strong | weak: the strongest of `matchedBy`. */
  strength: string;
  matchedBy: unknown;
  discovered: unknown;
  label?: string | null;
  /** The locate round this run belongs to; kept from the first run that found the record. */
  round?: number;
  /** What legal holds are matched against (`RecordFacts`). */
  facts?: unknown;
}

/**
 * Records a located record. Idempotent: a locate that is re-run after a crash, or a later locate
 * round, yields the same records again, and the row is refreshed rather than duplicated: the
 * strongest match wins (a record once matched strongly stays strong), the matches are merged
 * (every identifier that found it stays on the record, for provenance), and `round` keeps the
 * round that first found it.
 */
export async function upsertLocatedRecord(tx: Executor, record: NewLocatedRecord): Promise<void> {
  await upsertLocatedRecords(tx, [record]);
}

/**
 * `upsertLocatedRecord` for many records in one statement. The same record twice in one batch
 * (a connector yielding it once per identifier) is merged here first the way the conflict clause
 * merges it with a stored row, since one INSERT may not update a row it inserted.
 */
export async function upsertLocatedRecords(tx: Executor, records: readonly NewLocatedRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx
    .insert(locatedRecords)
    .values(
      mergeSameRecords(records).map((record) => ({
        requestId: record.requestId,
        instanceId: record.instanceId,
        recordType: record.recordType,
        recordId: record.recordId,
        strength: record.strength,
        matchedBy: record.matchedBy,
        discovered: record.discovered,
        label: record.label ?? null,
        round: record.round ?? 0,
        facts: record.facts ?? {},
      })),
    )
    .onConflictDoUpdate({
      target: [locatedRecords.requestId, locatedRecords.instanceId, locatedRecords.recordType, locatedRecords.recordId],
      set: {
        strength: sql`case when ${locatedRecords.strength} = 'strong' or excluded.strength = 'strong' then 'strong' else 'weak' end`,
        matchedBy: sql`(select coalesce(jsonb_agg(distinct m), '[]'::jsonb) from jsonb_array_elements(${locatedRecords.matchedBy} || excluded.matched_by) as m)`,
        facts: sql`excluded.facts`,
        discovered: sql`excluded.discovered`,
        label: sql`excluded.label`,
      },
    });
}

function mergeSameRecords(records: readonly NewLocatedRecord[]): NewLocatedRecord[] {
  const merged = new Map<string, NewLocatedRecord>();
  for (const record of records) {
    const key = JSON.stringify([record.requestId, record.instanceId, record.recordType, record.recordId]);
    const earlier = merged.get(key);
    if (!earlier) {
      merged.set(key, record);
      continue;
    }
    const matches = [...asArray(earlier.matchedBy), ...asArray(record.matchedBy)];
    merged.set(key, {
      ...record,
      strength: earlier.strength === "strong" || record.strength === "strong" ? "strong" : "weak",
      matchedBy: matches.filter((match, index) => matches.findIndex((other) => JSON.stringify(other) === JSON.stringify(match)) === index),
      round: earlier.round ?? record.round,
    });
  }
  return [...merged.values()];
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export async function listLocatedRecords(
  tx: Executor,
  filter: { requestId: string; instanceId?: string; strength?: "strong" | "weak" },
): Promise<LocatedRecordRow[]> {
  const conditions: SQL[] = [eq(locatedRecords.requestId, filter.requestId)];
  if (filter.instanceId) conditions.push(eq(locatedRecords.instanceId, filter.instanceId));
  if (filter.strength) conditions.push(eq(locatedRecords.strength, filter.strength));
  return tx
    .select()
    .from(locatedRecords)
    .where(and(...conditions))
    .orderBy(asc(locatedRecords.instanceId), asc(locatedRecords.recordType), asc(locatedRecords.recordId));
}

/** Located record counts per instance and strength. */
export async function countLocatedRecords(
  tx: Executor,
  requestId: string,
): Promise<Array<{ instanceId: string; strength: string; count: number }>> {
  return tx
    .select({
      instanceId: locatedRecords.instanceId,
      strength: locatedRecords.strength,
      count: sql<number>`count(*)::int`,
    })
    .from(locatedRecords)
    .where(eq(locatedRecords.requestId, requestId))
    .groupBy(locatedRecords.instanceId, locatedRecords.strength);
}
