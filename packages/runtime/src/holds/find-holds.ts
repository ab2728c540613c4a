import { listActiveLegalHolds, type Executor, type LegalHoldRow } from "@lethe/db";
import { readStoredSelector, type StoredSelector } from "./hold-selector";

/** A located record as holds see it: where it lives and the facts its connector reported. */
export interface HoldableRecord {
  instanceId: string;
  connectorId: string;
  recordType: string;
  recordId: string;
  facts: { tags?: string[]; caseIds?: string[]; occurredAt?: string };
}

/** The hold that keeps a record, and until when (`null`: until the hold ends). */
export interface HoldDecision {
  holdId: string;
  title: string;
  basis: string;
  redactNonEssential: boolean;
  retainUntil: Date | null;
  /** Why, for the plan item: "held by <title> (<basis>)", noting a rule hold's unknown date. */
  reason: string;
}

/**
 * The legal hold that keeps `record`, or null when none does. Active holds only (not ended, not
 * expired at `now`). A person hold covers every record of a subject one of whose identifier
 * hashes (`personHashes`, keyed like the hold's) it names; a record hold one exact record; a case
 * hold records whose case ids or tags carry its case id; a rule hold records its filters match
 * for `retainYears` from when they happened — a record whose date is unknown is kept (retainUntil
 * null) rather than erased on a guess. When several hold a record, the one keeping it longest
 * wins (indefinite beats any date), ties broken by hold id so every worker decides the same.
 */
export async function findHoldsFor(
  executor: Executor,
  record: HoldableRecord,
  personHashes: string[],
  now: Date,
): Promise<HoldDecision | null> {
  return holdFor(await listActiveLegalHolds(executor, now), record, personHashes, now);
}

/**
 * `findHoldsFor` over holds already loaded (`listActiveLegalHolds` at `now`), so a plan of many
 * records reads the holds once.
 */
export function holdFor(
  holds: readonly LegalHoldRow[],
  record: HoldableRecord,
  personHashes: string[],
  now: Date,
): HoldDecision | null {
  let best: HoldDecision | null = null;
  for (const hold of holds) {
    const decision = decide(hold, readStoredSelector(hold), record, new Set(personHashes), now);
    if (decision && (best === null || keepsLonger(decision, best))) best = decision;
  }
  return best;
}

function decide(
  hold: LegalHoldRow,
  selector: StoredSelector,
  record: HoldableRecord,
  personHashes: ReadonlySet<string>,
  now: Date,
): HoldDecision | null {
  const held = (retainUntil: Date | null, note = ""): HoldDecision => ({
    holdId: hold.id,
    title: hold.title,
    basis: hold.basis,
    redactNonEssential: hold.redactNonEssential,
    retainUntil,
    reason: `held by "${hold.title}" (${hold.basis})${note}`,
  });
  switch (selector.scope) {
    case "person":
      return selector.identifierHashes.some((hash) => personHashes.has(hash)) ? held(null) : null;
    case "record":
      return selector.instanceId === record.instanceId &&
        selector.recordType === record.recordType &&
        selector.recordId === record.recordId
        ? held(null)
        : null;
    case "case": {
      const carried = [...(record.facts.caseIds ?? []), ...(record.facts.tags ?? [])];
      return carried.includes(selector.caseId) ? held(null) : null;
    }
    case "rule": {
      if (selector.connectorId !== undefined && selector.connectorId !== record.connectorId) return null;
      if (selector.recordType !== undefined && selector.recordType !== record.recordType) return null;
      if (selector.tag !== undefined && !(record.facts.tags ?? []).includes(selector.tag)) return null;
      const occurredAt = record.facts.occurredAt === undefined ? undefined : new Date(record.facts.occurredAt);
      if (occurredAt === undefined || Number.isNaN(occurredAt.getTime())) {
        return held(null, `; the record's date is unknown, so it is kept until the hold ends`);
      }
      const retainUntil = addYears(occurredAt, selector.retainYears);
      if (retainUntil <= now) return null;
      return held(retainUntil, ` until ${retainUntil.toISOString()}`);
    }
  }
}

/** Calendar years in UTC; 29 February plus a year lands on 1 March (Date's own roll-over). */
function addYears(from: Date, years: number): Date {
  const until = new Date(from.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}

function keepsLonger(candidate: HoldDecision, best: HoldDecision): boolean {
  const rank = (decision: HoldDecision) => decision.retainUntil?.getTime() ?? Number.POSITIVE_INFINITY;
  if (rank(candidate) !== rank(best)) return rank(candidate) > rank(best);
  return candidate.holdId < best.holdId;
}
