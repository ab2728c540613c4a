import { abortableSleep, RateLimitedError, type RateLimiter, type Sleep } from "@lethe/connector-sdk";
import { pauseInstance, takeRateLimitToken, type Database } from "@lethe/db";

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
 * The rate limiter every worker shares for one connector instance: a token bucket and a pause
 * kept in `instance_rate_limits`, so ten workers on five machines together make no more calls
 * than the vendor allows, and a 429 seen by one holds them all.
 */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const { database, instanceId } = options;
  const { burst, sustainedPerMinute } = splitBudget(options.requestsPerMinute);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const maxInlineWaitMs = options.maxInlineWaitMs ?? 30_000;

  return {
    async acquire(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const { waitMs } = await takeRateLimitToken(database.db, {
          instanceId,
          tokensPerMinute: sustainedPerMinute,
          burst,
          now: now(),
        });
        if (waitMs <= 0) return;
        if (waitMs > maxInlineWaitMs) {
          throw new RateLimitedError(`connector instance ${instanceId} is paused or out of budget`, waitMs);
        }
        await sleep(waitMs, signal);
      }
    },
    async reportThrottle(retryAfterMs) {
      await pauseInstance(database.db, {
        instanceId,
        until: new Date(now().getTime() + Math.max(0, retryAfterMs)),
      });
    },
  };
}
