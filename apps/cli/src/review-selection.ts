import type { RequestPlan } from "@lethe/runtime";

type PlanItem = RequestPlan["items"][number];

/** What `lethe request review --include-all/--exclude-all` narrows its bulk decision to. */
export interface ReviewFilter {
  /** A connector instance, by its name (any case) or id. */
  system?: string | undefined;
  /** A reason key (`shared`, `uncorroborated`, …, see `reasonKeysOf`) or words of the reason's text (any case). */
  reason?: string | undefined;
}

/** The words a connector gives for a weak match without any (core's planAction says the same). */
export const weakIdentifierOnly = "matched only through a weak identifier";

/**
 * The match reasons of an item, one per clause: connectors join several in one text
 * ("shared: 2 people … phone; uncorroborated: matched by phone only …").
 */
export function reasonClausesOf(item: Pick<PlanItem, "matchReasons">): string[] {
  const clauses = item.matchReasons.flatMap((reason) => reason.split(/;\s+(?=[a-z][a-z-]*:\s)/)).map((clause) => clause.trim());
  const distinct = [...new Set(clauses.filter((clause) => clause !== ""))];
  return distinct.length > 0 ? distinct : [weakIdentifierOnly];
}

/**
 * The short keys of an item's match reasons: the word before the colon of each clause
 * ("shared", "uncorroborated", "mentioned in …" has none and keys as its whole text).
 */
export function reasonKeysOf(item: Pick<PlanItem, "matchReasons">): string[] {
  return [...new Set(reasonClausesOf(item).map((clause) => /^([a-z][a-z-]*):\s/.exec(clause)?.[1] ?? clause))];
}

function systemMatches(item: PlanItem, system: string): boolean {
  return item.instanceId === system || item.instanceName.toLowerCase() === system.toLowerCase();
}

function reasonMatches(item: PlanItem, reason: string): boolean {
  const wanted = reason.trim().toLowerCase();
  if (reasonKeysOf(item).some((key) => key.toLowerCase() === wanted)) return true;
  return reasonClausesOf(item).some((clause) => clause.toLowerCase().includes(wanted));
}

/**
 * The items a bulk review decision applies to: those still awaiting review, on the named
 * system, with the named reason. Items already decided or matched strongly are never picked,
 * so a bulk decision cannot undo a person's earlier one.
 */
export function selectForReview(items: readonly PlanItem[], filter: ReviewFilter): PlanItem[] {
  return items.filter(
    (item) =>
      item.review === "pending" &&
      (filter.system === undefined || systemMatches(item, filter.system)) &&
      (filter.reason === undefined || reasonMatches(item, filter.reason)),
  );
}

/** For a filter that picked nothing: the systems and reason keys that do have records awaiting review. */
export function pendingChoices(items: readonly PlanItem[]): { systems: string[]; reasons: string[] } {
  const pending = items.filter((item) => item.review === "pending");
  return {
    systems: [...new Set(pending.map((item) => item.instanceName))].sort(),
    reasons: [...new Set(pending.flatMap(reasonKeysOf))].sort(),
  };
}
