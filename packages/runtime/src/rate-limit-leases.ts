/**
 * Tokens this worker process has leased from an instance's shared bucket and not yet spent.
 * Shared by every job of the process that calls the instance, so a busy worker pays one
 * `UPDATE` per lease instead of one per vendor call.
 *
 * Why the shared limit still holds: a leased token is only good for `leaseTtlMs` after the lease
 * was asked for; unspent ones are dropped, never returned. So the calls in any sliding minute
 * spend tokens the bucket handed out in that minute or in the `leaseTtlMs` before it, and the
 * limiter sizes the bucket's refill for a window that much longer (postgres-rate-limiter.ts).
 *
 * The lease grows while the process spends whole leases before they expire (doubling, up to
 * `maxLease`) and shrinks by what it let expire, so a worker at the shared limit does not sit on
 * tokens other workers could have used.
 */
export interface LeasedTokens {
  /** Spends a held token, if one is held and still good at `nowMs`. */
  spend(nowMs: number): boolean;
  /** How many tokens the next lease asks for. */
  nextLeaseSize(): number;
  /** Holds `granted` tokens (0: the asker spent the lease's only one) leased at `leasedAtMs` (when it was asked for). */
  hold(granted: number, leasedAtMs: number): void;
  /** Drops every held token (the vendor answered 429: nobody here should call it now). */
  drop(): void;
  /**
   * The lease being asked for, if any: one at a time per instance and process, so two jobs that
   * find the pool empty together share one lease rather than each taking (and wasting) one.
   */
  pending: Promise<number> | undefined;
}

export interface LeaseOptions {
  /** How long a leased token is good for. */
  leaseTtlMs: number;
  /** The most tokens one lease asks for. */
  maxLease: number;
}

export const defaultLeaseOptions: LeaseOptions = { leaseTtlMs: 1_000, maxLease: 32 };

export function createLeasedTokens(options: LeaseOptions): LeasedTokens {
  const maxLease = Math.max(1, Math.floor(options.maxLease));
  let held = 0;
  let expiresAtMs = 0;
  let leaseSize = 0;
  let expiredUnspent = false;
  let grantedSinceAsk = false;
  const expireIfDue = (nowMs: number) => {
    if (held > 0 && nowMs >= expiresAtMs) {
      leaseSize = Math.max(1, leaseSize - held);
      held = 0;
      expiredUnspent = true;
    }
  };
  return {
    pending: undefined,
    spend(nowMs) {
      expireIfDue(nowMs);
      if (held === 0) return false;
      held -= 1;
      return true;
    },
    nextLeaseSize() {
      // Asked for again after a lease that was all spent before it expired: ask for more.
      if (grantedSinceAsk && !expiredUnspent) leaseSize = Math.min(maxLease, leaseSize * 2);
      leaseSize = Math.max(1, leaseSize);
      grantedSinceAsk = false;
      expiredUnspent = false;
      return leaseSize;
    },
    hold(granted, leasedAtMs) {
      // Only called with nothing held (one lease at a time): a new expiry never extends old tokens.
      held = granted;
      grantedSinceAsk = true;
      expiresAtMs = leasedAtMs + options.leaseTtlMs;
    },
    drop() {
      held = 0;
      leaseSize = 1;
      grantedSinceAsk = false;
    },
  };
}

/** One lease pool per connector instance, for one worker process. */
export class RateLimitLeases {
  private readonly byInstance = new Map<string, LeasedTokens>();

  constructor(readonly options: LeaseOptions = defaultLeaseOptions) {}

  of(instanceId: string): LeasedTokens {
    let leased = this.byInstance.get(instanceId);
    if (!leased) {
      leased = createLeasedTokens(this.options);
      this.byInstance.set(instanceId, leased);
    }
    return leased;
  }
}
