import type { JobHelpers } from "graphile-worker";
import { classifyFailure } from "../failure";

/**
 * Whether a job that belongs to no request (a PCI sweep, a consent-ledger read or remediation, a
 * retention sweep or confirm, an inventory count) hands a failure back to graphile-worker, to be
 * run again with its backoff: an aborted job always (the worker is stopping), a transient or
 * rate-limited failure until the last attempt, a garbled answer a few times (usually the
 * transport) rather than the whole budget. Otherwise the job records the failure and ends.
 */
export function retriesStandaloneJob(error: unknown, helpers: Pick<JobHelpers, "abortSignal" | "job">): boolean {
  const failure = classifyFailure(error, helpers.abortSignal);
  if (failure.kind === "aborted") return true;
  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  const retryable = failure.kind === "transient" || failure.kind === "rate_limited" || (failure.kind === "contract" && helpers.job.attempts < 3);
  return retryable && !lastAttempt;
}
