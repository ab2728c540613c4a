import type { JsonValue } from "@lethe/connector-sdk";
import { notApplicablePrefix } from "../plan/plan-action";
import { summariseChanges } from "./change-outcome";
import { describeUnproven, type UnprovenRecord } from "./unproven-records";

/** A task of the request as the outcome reads it (`request_tasks` joined with its instance's name). */
export interface TaskFact {
  instanceId: string;
  instanceName: string;
  connectorId: string;
  phase: string;
  status: string;
  lastError: string | null;
}

/** A plan item as the outcome reads it: the item's decision, its record, and the Lethe hold behind it. */
export interface PlanItemFact {
  item: { review: string; action: string; reason: string };
  record: { instanceId: string; recordType: string; recordId: string };
  /** The legal hold the item names; null when none planned it. */
  hold: unknown;
}

/** What the plan says about the records no task acted on. */
export interface PlanSummary {
  /** Weak matches nobody decided on (a request closed while they waited). */
  pendingReview: number;
  excluded: number;
  /** Items the request does not concern (a correction of a phone number, for a note). */
  notApplicable: number;
  /** Items skipped for another reason than exclusion, per reason ("connector X cannot erase"). */
  skipped: Record<string, number>;
}

export function planSummary(views: readonly Pick<PlanItemFact, "item">[]): PlanSummary {
  const summary: PlanSummary = { pendingReview: 0, excluded: 0, notApplicable: 0, skipped: {} };
  for (const { item } of views) {
    if (item.review === "pending") summary.pendingReview += 1;
    else if (item.review === "exclude") summary.excluded += 1;
    else if (item.action === "skip" && item.reason.startsWith(notApplicablePrefix)) summary.notApplicable += 1;
    else if (item.action === "skip") summary.skipped[item.reason] = (summary.skipped[item.reason] ?? 0) + 1;
  }
  return summary;
}

export interface OutcomeInput {
  type: string;
  tasks: readonly TaskFact[];
  located: ReadonlyArray<{ instanceId: string; strength: string; count: number }>;
  receipts: ReadonlyArray<{ instanceId: string; phase: string; outcome: string; count: number }>;
  exportPath: string | null;
  /** Erasures still `pending` at the vendor when the request closes (confirmation gave up or was impossible). */
  pendingRecords?: Array<{ instanceId: string; instanceName: string; type: string; id: string; jobId: string | null }>;
  /**
   * Records verification did not prove (phase `verify`, any outcome but `verified`): still at the
   * vendor after their erasure, or a record the plan kept and redacted lost — with what was found.
   */
  unprovenRecords?: UnprovenRecord[];
  /** The plan's verdict on records no task acted on; without it, weak matches count as awaiting review. */
  plan?: PlanSummary;
  /** Erasures settled as `retained` with no legal basis on record (finished-request.ts); default: every retained one. */
  retainedWithoutBasis?: number;
}

export interface RequestOutcome {
  /** True only when nothing found was left undone, unproven or unexplained. */
  complete: boolean;
  /** Why not, in words a compliance officer reads (no identifiers). */
  reasons: string[];
  /** Stored on the request (`outcome`): counts, and the failed tasks with their error lines. */
  details: { [key: string]: JsonValue };
  /** For the audit entry: counts and ids only. */
  auditPayload: { [key: string]: JsonValue };
}

const sum = (rows: Array<{ count: number }>) => rows.reduce((total, row) => total + row.count, 0);

/**
 * The verdict on a finished request. Weakly matched records are never erased or exported without
 * a person's decision (a household phone number must not hand one person's data to another);
 * any still awaiting review, and any record a system could not act on, make the request
 * `partially_completed` — an honest "not everything was done" rather than a silent skip.
 */
export function summariseOutcome(input: OutcomeInput): RequestOutcome {
  const strong = sum(input.located.filter((row) => row.strength === "strong"));
  const weak = sum(input.located.filter((row) => row.strength === "weak"));
  const countOf = (phase: string, outcome: string) =>
    sum(input.receipts.filter((row) => row.phase === phase && row.outcome === outcome));
  const failures = input.tasks
    .filter((task) => task.status === "failed")
    .map((task) => ({
      instanceId: task.instanceId,
      instanceName: task.instanceName,
      connectorId: task.connectorId,
      phase: task.phase,
      error: task.lastError ?? "failed",
    }));

  const reasons: string[] = failures.map(
    (failure) => `${failure.phase} on "${failure.instanceName}" failed: ${failure.error}`,
  );
  const awaitingReview = input.plan ? input.plan.pendingReview : weak;
  const details: { [key: string]: JsonValue } = {
    located: { strong, weak },
    awaitingReview,
    failures,
  };
  if (input.plan) {
    details.excludedInReview = input.plan.excluded;
    details.notApplicable = input.plan.notApplicable;
    details.skipped = input.plan.skipped;
    for (const [reason, count] of Object.entries(input.plan.skipped)) reasons.push(`${count} record(s) skipped: ${reason}`);
  }

  if (input.type === "erasure") {
    const erase = {
      erased: countOf("erase", "erased"),
      anonymised: countOf("erase", "anonymised"),
      redacted: countOf("erase", "redacted"),
      alreadyAbsent: countOf("erase", "already-absent"),
      retained: countOf("erase", "retained"),
      pending: countOf("erase", "pending"),
    };
    const stillPresent = countOf("verify", "still-present");
    details.erase = erase;
    details.stillPresent = stillPresent;
    details.lost = countOf("verify", "lost");
    // Every verify receipt but `verified` is a shortfall the officer must act on, named with the
    // next step (unproven-records.ts).
    const unproven = describeUnproven(input.unprovenRecords ?? []);
    reasons.push(...unproven.reasons);
    Object.assign(details, unproven.details);
    const counted = (input.unprovenRecords ?? []).length;
    const notVerified = sum(input.receipts.filter((row) => row.phase === "verify" && row.outcome !== "verified"));
    if (notVerified > counted) reasons.push(`${notVerified - counted} record(s) were not proven by verification`);
    // Keeping what a legal hold or a statute requires is part of a complete erasure (Art. 17(3)),
    // its basis on the receipt; keeping something with no basis on record is not.
    const unexplained = input.retainedWithoutBasis ?? erase.retained;
    if (unexplained > 0) reasons.push(`${unexplained} record(s) retained by the system without a legal basis on record`);
    if (erase.pending > 0) {
      // Record refs are the vendor's ids, not the subject's identifiers: naming them tells the
      // officer which deletions to chase.
      const named = (input.pendingRecords ?? []).map(
        (record) => `${record.type}/${record.id} on "${record.instanceName}"${record.jobId ? ` (job ${record.jobId})` : ""}`,
      );
      reasons.push(
        `${erase.pending} erasure(s) still pending at the vendor${named.length > 0 ? `: ${named.join(", ")}` : ""}`,
      );
      details.pendingRecords = (input.pendingRecords ?? []).map((record) => ({
        instanceId: record.instanceId,
        type: record.type,
        id: record.id,
        jobId: record.jobId,
      }));
    }
  } else if (input.type === "rectification" || input.type === "restriction") {
    // Changes made and proven by reading back (tasks/change-outcome.ts); there is no bundle.
    const changes = summariseChanges(input.type, countOf);
    Object.assign(details, changes.details);
    reasons.push(...changes.reasons);
  } else {
    const exported = countOf("export", "exported");
    details.exported = exported;
    if (strong > 0 && input.exportPath === null) reasons.push("no export bundle was written");
  }
  if (awaitingReview > 0) reasons.push(`${awaitingReview} weakly matched record(s) await review and were not acted on`);

  const auditPayload: { [key: string]: JsonValue } = {
    ...details,
    failures: failures.map((failure) => ({ instanceId: failure.instanceId, phase: failure.phase })),
  };
  return { complete: reasons.length === 0, reasons, details, auditPayload };
}
