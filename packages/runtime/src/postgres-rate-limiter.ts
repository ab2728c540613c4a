import { abortableSleep, RateLimitedError, type RateLimiter, type Sleep } from "@lethe/connector-sdk";
import { leaseRateLimitTokens, pauseInstance, type Database } from "@lethe/db";
import { createLeasedTokens, defaultLeaseOptions, type LeasedTokens, type LeaseOptions } from "./rate-limit-leases";

export interface PostgresRateLimiterOptions {
  database: Database;
  instanceId: string;
  /** The instance's budget: the admin's ceiling, or the connector's declared vendor default. */
  requestsPerMinute: number;
  /**
   * Waits longer than this are not slept through inside a job (it would hold a worker slot for
   * nothing): `acquire` throws `RateLimitedError` and the runtime reschedules the job instead.
   */
  maxInlineWaitMs?: number;
  now?: () => Date;
  sleep?: Sleep;
  /**
   * This worker process's unspent leased tokens for the instance, shared by its jobs
   * (rate-limit-leases.ts); default a pool of this limiter's own.
   */
  leased?: LeasedTokens;
  /** How long a leased token is good for and the largest lease; default `defaultLeaseOptions`. */
  lease?: LeaseOptions;
}

/**
 * Splits a per-minute budget into a burst and a sustained rate such that no sliding 60-second
 * window ever sees more than `requestsPerMinute` requests — vendors count in such windows.
 * With a bucket of `burst` tokens refilled at `sustained` per minute, a window holds at most
 * `burst + sustained` = the budget. The burst is one second's worth (at least 1). A budget of
 * 1 per minute cannot be split so; it is served as one token a minute.
 */
export function splitBudget(requestsPerMinute: number): { burst: number; sustainedPerMinute: number } {
  if (!(requestsPerMinute >= 1) || !Number.isFinite(requestsPerMinute)) {
    throw new RangeError(`requestsPerMinute must be at least 1, got ${requestsPerMinute}`);
  }
  const burst = Math.max(1, Math.min(Math.floor(requestsPerMinute / 2), Math.ceil(requestsPerMinute / 60)));
  return { burst, sustainedPerMinute: requestsPerMinute > burst ? requestsPerMinute - burst : requestsPerMinute };
}

/**
 * The bucket's refill rate when leased tokens may be spent up to `leaseTtlMs` after they were
 * taken: the calls in a sliding minute then spend tokens taken over `60 s + leaseTtlMs`, so the
 * rate is scaled down by 60 s ÷ (60 s + leaseTtlMs) to keep burst + that window's refill within
 * the budget.
 */
export function leasedRefillPerMinute(sustainedPerMinute: number, leaseTtlMs: number): number {
  return (sustainedPerMinute * 60_000) / (60_000 + Math.max(0, leaseTtlMs));
}

/**
 * The rate limiter every worker shares for one connector instance: a token bucket and a pause
 * kept in `instance_rate_limits`, so ten workers on five machines together make no more calls
 * than the vendor allows, and a 429 seen by one holds them all (tokens another process already
 * leased stay good for at most `leaseTtlMs`). Tokens are leased several at a time and spent
 * locally (rate-limit-leases.ts).
 */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const { database, instanceId } = options;
  const { burst, sustainedPerMinute } = splitBudget(options.requestsPerMinute);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const maxInlineWaitMs = options.maxInlineWaitMs ?? 30_000;
  const lease = options.lease ?? defaultLeaseOptions;
  const leased = options.leased ?? createLeasedTokens(lease);
  const tokensPerMinute = leasedRefillPerMinute(sustainedPerMinute, lease.leaseTtlMs);

  /**
   * Asks the shared bucket for a lease. The asker spends the first token at once (as it would a
   * single token: the lease's age does not matter for it) and holds the rest for the others.
   */
  const askForLease = async (): Promise<{ granted: number; waitMs: number }> => {
    const askedAt = now();
    const lease = await leaseRateLimitTokens(database.db, {
      instanceId,
      tokensPerMinute,
      burst,
      now: askedAt,
      wanted: Math.min(burst, leased.nextLeaseSize()),
    });
    if (lease.granted > 0) leased.hold(lease.granted - 1, askedAt.getTime());
    return lease;
  };

  return {
    async acquire(signal) {
      for (;;) {
        signal?.throwIfAborted();
        if (leased.spend(now().getTime())) return;
        let waitMs: number;
        if (leased.pending) {
          // Someone else is asking: wait for that lease, then try the pool again.
          waitMs = await leased.pending;
          if (waitMs <= 0) continue;
        } else {
          const asking = askForLease();
          leased.pending = asking.then(
            (lease) => lease.waitMs,
            () => 0,
          );
          void leased.pending.finally(() => {
            leased.pending = undefined;
          });
          const lease = await asking;
          if (lease.granted > 0) return;
          waitMs = lease.waitMs;
        }
        if (waitMs > maxInlineWaitMs) {
          throw new RateLimitedError(`connector instance ${instanceId} is paused or out of budget`, waitMs);
        }
        await sleep(waitMs, signal);
      }
    },
    async reportThrottle(retryAfterMs) {
      leased.drop();
      await pauseInstance(database.db, {
        instanceId,
        until: new Date(now().getTime() + Math.max(0, retryAfterMs)),
      });
    },
  };
}
