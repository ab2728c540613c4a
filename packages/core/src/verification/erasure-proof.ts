import type { RecordPresence } from "@lethe/connector-sdk";

/** Settled erase outcomes that claim the record is gone from the vendor. */
const claimedGone = new Set(["erased", "already-absent"]);
/** Settled outcomes of a redact plan that claim the subject's identifiers are out of the record. */
const claimedClean = new Set(["redacted", "erased", "anonymised"]);
/** Plan actions after which the record must no longer hold the subject. */
const removing = new Set(["erase", "anonymise"]);

/** The one verify outcome that proves a record dealt with as the plan said. */
export const provenOutcome = "verified";

/** One item of the approved plan, as verification needs it. */
export interface PlannedForProof {
  /** The record's key (connector-sdk `recordKey`), as `settled` and `receipted` are keyed. */
  key: string;
  action: string | null;
  /** Another person's record that only mentions the subject (plan/record-relation.ts). */
  mention: boolean;
}

/**
 * Which records verification reads back by id (docs/rights-engine.md, "Outcome of a request"):
 * those the approved plan acted on whose settled erase outcome (`settled`, by key) makes a claim
 * that can be checked. Records already receipted in `verify` (`receipted`: found again by a
 * search, or read back before a crash) are not read twice.
 *
 * - `erased`: erased or anonymised by the plan and reported gone (`erased`, `already-absent`);
 * - `anonymised`: erased or anonymised by the plan and reported `anonymised` (kept, its personal
 *   data blanked) — read with the subject's identifiers;
 * - `redacted`: redacted by the plan and reported `redacted`, or another person's record that only
 *   mentions the subject with any outcome claiming the subject is out of it — read with the
 *   subject's identifiers.
 *
 * Outcomes that keep the record on purpose (`retained`, `pending`, a `redacted` erase) prove
 * nothing by a read and are not selected.
 */
export function readBackSelection<Item extends PlannedForProof>(
  plan: readonly Item[],
  settled: ReadonlyMap<string, string>,
  receipted: ReadonlySet<string>,
): { erased: Item[]; anonymised: Item[]; redacted: Item[] } {
  const erased = new Map<string, Item>();
  const anonymised = new Map<string, Item>();
  const redacted = new Map<string, Item>();
  for (const item of plan) {
    const outcome = settled.get(item.key);
    if (outcome === undefined || receipted.has(item.key)) continue;
    if (item.action !== null && removing.has(item.action)) {
      if (claimedGone.has(outcome)) erased.set(item.key, item);
      else if (outcome === "anonymised") anonymised.set(item.key, item);
    } else if (item.action === "redact" && (outcome === "redacted" || (item.mention && claimedClean.has(outcome)))) {
      redacted.set(item.key, item);
    }
  }
  return { erased: [...erased.values()], anonymised: [...anonymised.values()], redacted: [...redacted.values()] };
}

/** A verify receipt's outcome and detail for one answer of `readBack`. */
export interface ReadBackVerdict {
  outcome: "verified" | "still-present" | "lost";
  detail: string;
}

/** An erased record read back: still held → `still-present` naming what was found; gone → `verified`. */
export function erasedVerdict(presence: Pick<RecordPresence, "present" | "detail">, settledOutcome = "erased"): ReadBackVerdict {
  return presence.present
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "${settledOutcome}": ${presence.detail ?? "the vendor still holds it"}` }
    : { outcome: "verified", detail: "read back by id: the vendor no longer holds it" };
}

/**
 * An anonymised record read back with the subject's identifiers: gone, or kept without them →
 * `verified`; still holding one → `still-present`. `null` when a present record's answer does not
 * say whether it still holds the subject (the connector has broken its contract).
 */
export function anonymisedVerdict(presence: Pick<RecordPresence, "present" | "detail" | "mentionsSubject">): ReadBackVerdict | null {
  if (!presence.present) return { outcome: "verified", detail: "read back by id: the vendor no longer holds it" };
  if (presence.mentionsSubject === undefined) return null;
  return presence.mentionsSubject
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "anonymised": it still holds the subject's identifiers${presence.detail ? ` (${presence.detail})` : ""}` }
    : { outcome: "verified", detail: "read back by id: kept, anonymised, the subject's identifiers removed" };
}

/**
 * A redacted record read back with the subject's identifiers: kept and no longer mentioning them
 * → `verified`; still mentioning them → `still-present`; gone → `lost`, because the plan kept the
 * record (another person's, or one a hold keeps) and the vendor no longer has it — not what was
 * approved, so not a completed erasure. `null` when a present record's answer does not say
 * whether it still mentions the subject: nothing then proves the redaction, and the connector has
 * broken its contract (the caller reports it as such).
 */
export function redactedVerdict(
  presence: Pick<RecordPresence, "present" | "detail" | "mentionsSubject">,
  mention: boolean,
  settledOutcome = "redacted",
): ReadBackVerdict | null {
  const whose = mention ? "another person's record the plan only redacted" : "a record the plan kept and only redacted";
  if (!presence.present) {
    return { outcome: "lost", detail: `read back by id: ${whose} is gone from the vendor${presence.detail ? ` (${presence.detail})` : ""}` };
  }
  if (presence.mentionsSubject === undefined) return null;
  const still = mention ? "another person's record still mentions the subject" : "a record the plan kept and only redacted still holds the subject's identifiers";
  return presence.mentionsSubject
    ? { outcome: "still-present", detail: `read back by id after the vendor reported it "${settledOutcome}": ${still}${presence.detail ? ` (${presence.detail})` : ""}` }
    : { outcome: "verified", detail: "read back by id: kept, the subject's identifiers removed" };
}
