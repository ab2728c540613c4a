import { z } from "zod";

/**
 * How a task that failed is tried again (docs/rights-engine.md, "Retries and the breaker").
 * The HTTP client has already retried each call inline; what reaches this policy is a run of the
 * task that failed after those, so its budget counts runs, not calls.
 */
export interface RetryPolicy {
  /** Runs of one task that may fail, whatever the fault; the last of them fails it. Default 8. */
  maxFailures: number;
  /**
   * Runs in a row that may end in a garbled answer (`VendorContractError`, a binary of the wrong
   * size) at the same place (route or record type) before the breach counts as persistent. A
   * garbled answer is nearly always the transport's; a vendor that changed its API garbles the
   * same answer every time. Default 3.
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
  maxFailures: 8,
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
  /** Failed runs so far. */
  failures: z.int().nonnegative(),
  /** Garbled answers in a row at `contractAt` (0 when the last failure was of another kind). */
  contract: z.int().nonnegative(),
  contractAt: z.string().max(200).optional(),
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
  fault: { kind: "transient"; retryAfterMs?: number | undefined } | { kind: "contract"; at: string },
  now: number,
): RetryDecision {
  const before = previous ?? { failures: 0, contract: 0, since: now };
  const failures = before.failures + 1;
  const state: RetryState =
    fault.kind === "contract"
      ? { failures, contract: before.contractAt === fault.at ? before.contract + 1 : 1, contractAt: fault.at, since: before.since }
      : { failures, contract: 0, since: before.since };
  // The tighter of the two budgets decides, and names the count in the reason.
  const contractLeft = policy.maxContractFailures - state.contract;
  const byContract = fault.kind === "contract" && contractLeft <= policy.maxFailures - failures;
  const attempt = byContract ? state.contract : failures;
  const of = byContract ? policy.maxContractFailures : policy.maxFailures;
  if (attempt >= of) return { retry: false, state, attempt, of, reason: "attempts" };
  if (now - state.since >= policy.maxRetryWindowMs) return { retry: false, state, attempt, of, reason: "window" };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  const retryAfterMs = fault.kind === "transient" ? (fault.retryAfterMs ?? 0) : 0;
  const delayMs = Math.max(Math.round(policy.random() * ceiling), retryAfterMs);
  return { retry: true, state, delayMs, attempt, of };
}
