import type { HoldableRecord, LegalHold } from "../holds/select-hold";
import { selectHold } from "../holds/select-hold";

/** An expired record as the decision sees it: its facts and the vendor's own hold. */
export interface ExpiredRecordFacts extends HoldableRecord {
  vendorHold?: { basis: string; id?: string };
}

export type RetentionDecision = { action: "erase" } | { action: "keep"; reason: string; holdId?: string };

/**
 * What a retention sweep does with one record past its period: kept when the vendor holds it
 * (it would refuse the deletion), when a Lethe legal hold covers it (`selectHold`, person holds by
 * the keyed hashes of the identifiers the vendor reported on it), or when it carries a tag the
 * schedule keeps (e.g. consent to quality training); erased otherwise. The reason is shown in the
 * preview as "kept: <reason>" and stored with the run item.
 */
export function retentionDecision(
  record: ExpiredRecordFacts,
  context: { keepWhenTagged: readonly string[]; holds: readonly LegalHold[]; personHashes: ReadonlySet<string>; now: Date },
): RetentionDecision {
  if (record.vendorHold) {
    return { action: "keep", reason: `held by the vendor (${record.vendorHold.basis}${record.vendorHold.id ? `, ${record.vendorHold.id}` : ""})` };
  }
  const hold = selectHold(context.holds, record, context.personHashes, context.now);
  if (hold) return { action: "keep", reason: hold.reason, holdId: hold.holdId };
  const tags = record.facts.tags ?? [];
  const kept = context.keepWhenTagged.filter((tag) => tags.includes(tag));
  if (kept.length > 0) return { action: "keep", reason: `tagged ${kept.join(", ")}, which the schedule keeps` };
  return { action: "erase" };
}
