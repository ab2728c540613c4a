import { z } from "zod";

/**
 * How a task that failed is tried again (docs/rights-engine.md, "Retries and the breaker").
 * The HTTP client has already retried each call inline; what reaches this policy is a run of the
 * task that failed after those, so its budget counts runs, not calls.
 */
export interface RetryPolicy {
  /** Runs of one task that may end in a transient fault; the next one fails it. Default 8. */
  maxTransientFailures: number;
  /**
   * Runs that may end in a garbled answer (`VendorContractError`, a binary of the wrong size)
   * before the breach counts as persistent: such answers are nearly always the transport's. Default 3.
   */
  maxContractFailures: number;
  /** The first backoff ceiling; doubles with each failure (full jitter). Default 2 000. */
  baseDelayMs: number;
  /** Cap on one backoff; default 5 minutes. */
  maxDelayMs: number;
  /** A task is not retried once this long has passed since its first failure; default 6 hours. */
  maxRetryWindowMs: number;
  /** A number in [0, 1): the jitter. */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxTransientFailures: 8,
  maxContractFailures: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxRetryWindowMs: 6 * 60 * 60_000,
  random: Math.random,
};

/**
 * What a task has spent of its budget, carried in its job's payload from one run to the next (a
 * few counters, no personal data): no schema change, and a fresh job — the next locate round,
 * the next phase — starts with a full budget.
 */
export const retryStateSchema = z.object({
  transient: z.int().nonnegative(),
  contract: z.int().nonnegative(),
  /** Epoch ms of the first failure. */
  since: z.number(),
});
export type RetryState = z.infer<typeof retryStateSchema>;

export type RetryDecision =
  | { retry: true; state: RetryState; delayMs: number; attempt: number; of: number }
  | { retry: false; state: RetryState; attempt: number; of: number; reason: "attempts" | "window" };

/**
 * The next step for a task whose run ended in a retryable fault: another run after a full-jitter
 * backoff (at least the vendor's `Retry-After`), or none once its budget for that kind of fault or
 * its time window is spent.
 */
export function decideRetry(
  policy: RetryPolicy,
  previous: RetryState | undefined,
  fault: { kind: "transient" | "contract"; retryAfterMs?: number | undefined },
  now: number,
): RetryDecision {
  const before = previous ?? { transient: 0, contract: 0, since: now };
  const state = { ...before, [fault.kind]: before[fault.kind] + 1 };
  const attempt = state[fault.kind];
  const of = fault.kind === "transient" ? policy.maxTransientFailures : policy.maxContractFailures;
  if (attempt >= of) return { retry: false, state, attempt, of, reason: "attempts" };
  if (now - state.since >= policy.maxRetryWindowMs) return { retry: false, state, attempt, of, reason: "window" };
  const failures = state.transient + state.contract;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  const delayMs = Math.max(Math.round(policy.random() * ceiling), fault.retryAfterMs ?? 0);
  return { retry: true, state, delayMs, attempt, of };
}
