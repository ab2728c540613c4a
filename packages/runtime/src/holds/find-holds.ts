import { selectHold, type HoldableRecord, type HoldDecision } from "@lethe/core";
import { listActiveLegalHolds, type Executor } from "@lethe/db";

export type { HoldableRecord, HoldDecision } from "@lethe/core";

/**
 * The legal hold that keeps one `record`, or null when none does: the active holds at `now`,
 * loaded here, and core's `selectHold` choosing among them (its comment says how). A plan build
 * loads the holds once for all its records and calls `selectHold` itself.
 */
export async function findHoldsFor(
  executor: Executor,
  record: HoldableRecord,
  personHashes: string[],
  now: Date,
): Promise<HoldDecision | null> {
  return selectHold(await listActiveLegalHolds(executor, now), record, new Set(personHashes), now);
}
