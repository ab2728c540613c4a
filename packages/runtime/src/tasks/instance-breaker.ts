/**
 * A circuit breaker per connector instance, kept in the worker process. After `failureThreshold`
 * task runs in a row on one instance ended in a transient fault (each after the HTTP client's own
 * retries), the breaker opens: for `coolDownMs` no job of that instance starts — each is
 * rescheduled to the end of the cool-down without spending its retry budget. Then one job goes
 * through as a probe (half-open): success closes the breaker, failure opens it again.
 *
 * Why in the worker and not in PostgreSQL: the judgement "this vendor is down" is cheap to re-learn
 * (a restarted worker pays `failureThreshold` failures), needs no schema, and never leaves an
 * instance blocked by a stale row when its worker died. Vendor waits every worker must respect
 * (429 `Retry-After`) are shared in PostgreSQL already (`instance_rate_limits.paused_until`).
 */
export interface BreakerOptions {
  /** Consecutive failed runs on one instance that open its breaker; default 5. */
  failureThreshold: number;
  /** How long an open breaker holds jobs back before a probe; default 60 000. */
  coolDownMs: number;
  now?: () => number;
}

export const defaultBreakerOptions: BreakerOptions = { failureThreshold: 5, coolDownMs: 60_000 };

export type BreakerState = "closed" | "open" | "half-open";

interface InstanceState {
  failures: number;
  openUntil?: number;
  probeSince?: number;
}

export type Admission = { admitted: true; probe: boolean } | { admitted: false; retryAt: Date };

export class InstanceBreakers {
  private readonly states = new Map<string, InstanceState>();
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions = defaultBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a job of this instance may start now; in half-open, only one (the probe) at a time. */
  admit(instanceId: string): Admission {
    const state = this.states.get(instanceId);
    if (state?.openUntil === undefined) return { admitted: true, probe: false };
    const now = this.now();
    if (now < state.openUntil) return { admitted: false, retryAt: new Date(state.openUntil) };
    // A probe that has not reported back within a cool-down is presumed lost; let another try.
    if (state.probeSince !== undefined && now - state.probeSince < this.options.coolDownMs) {
      return { admitted: false, retryAt: new Date(state.probeSince + this.options.coolDownMs) };
    }
    state.probeSince = now;
    return { admitted: true, probe: true };
  }

  /** A run on this instance got through: the vendor answers, close the breaker. */
  recordSuccess(instanceId: string): void {
    this.states.delete(instanceId);
  }

  /** A run ended in a transient fault. Returns the breaker's state after it. */
  recordFailure(instanceId: string): BreakerState {
    const state = this.states.get(instanceId) ?? { failures: 0 };
    state.failures += 1;
    const probeFailed = state.probeSince !== undefined;
    if (probeFailed || state.failures >= this.options.failureThreshold) {
      state.openUntil = this.now() + this.options.coolDownMs;
      delete state.probeSince;
    }
    this.states.set(instanceId, state);
    return this.state(instanceId);
  }

  /** When this instance's jobs may start again, if its breaker is open now. */
  openUntil(instanceId: string): Date | undefined {
    const until = this.states.get(instanceId)?.openUntil;
    return until !== undefined && this.now() < until ? new Date(until) : undefined;
  }

  state(instanceId: string): BreakerState {
    const state = this.states.get(instanceId);
    if (state?.openUntil === undefined) return "closed";
    return this.now() < state.openUntil ? "open" : "half-open";
  }
}
