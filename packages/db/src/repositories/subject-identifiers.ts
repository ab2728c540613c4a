import { and, asc, eq, inArray } from "drizzle-orm";
import { subjectIdentifiers } from "../schema";
import type { Executor } from "./executor";

export type SubjectIdentifierRow = typeof subjectIdentifiers.$inferSelect;

export interface NewSubjectIdentifier {
  kind: string;
  /** Already normalised by the caller (canonical e-mail, E.164 phone). */
  value: string;
  /** For connector-native ids; omitted otherwise. */
  system?: string;
  /** given | verified | discovered */
  provenance: string;
  /** strong | weak */
  strength: string;
  /** For discovered identifiers: where they were found (instance id, record ref). */
  source?: Record<string, unknown>;
  /** The locate round that searches with it first (discovered in round n: n + 1). */
  round?: number;
}

/**
 * Adds identifiers to a request; one already recorded (same kind, system and value) is kept as it
 * is. Returns the rows actually added (what a locate round discovered that is new).
 */
export async function insertSubjectIdentifiers(
  tx: Executor,
  requestId: string,
  identifiers: readonly NewSubjectIdentifier[],
): Promise<SubjectIdentifierRow[]> {
  if (identifiers.length === 0) return [];
  return tx
    .insert(subjectIdentifiers)
    .values(
      identifiers.map((identifier) => ({
        requestId,
        kind: identifier.kind,
        value: identifier.value,
        system: identifier.system ?? "",
        provenance: identifier.provenance,
        strength: identifier.strength,
        source: identifier.source ?? null,
        round: identifier.round ?? 0,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

export async function listSubjectIdentifiers(
  tx: Executor,
  requestId: string,
): Promise<SubjectIdentifierRow[]> {
  return tx
    .select()
    .from(subjectIdentifiers)
    .where(eq(subjectIdentifiers.requestId, requestId))
    .orderBy(asc(subjectIdentifiers.createdAt), asc(subjectIdentifiers.kind), asc(subjectIdentifiers.value));
}

/**
 * The first identifier the requester gave for each of the requests (what a list shows as the
 * subject), by request id; a request with none given (never, in practice) is absent.
 */
export async function firstGivenIdentifiers(
  tx: Executor,
  requestIds: readonly string[],
): Promise<Map<string, Pick<SubjectIdentifierRow, "kind" | "value">>> {
  if (requestIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([subjectIdentifiers.requestId], {
      requestId: subjectIdentifiers.requestId,
      kind: subjectIdentifiers.kind,
      value: subjectIdentifiers.value,
    })
    .from(subjectIdentifiers)
    .where(and(inArray(subjectIdentifiers.requestId, [...requestIds]), eq(subjectIdentifiers.provenance, "given")))
    .orderBy(asc(subjectIdentifiers.requestId), asc(subjectIdentifiers.createdAt), asc(subjectIdentifiers.kind), asc(subjectIdentifiers.value));
  return new Map(rows.map((row) => [row.requestId, { kind: row.kind, value: row.value }]));
}
