import { sql } from "drizzle-orm";
import { instanceRateLimits } from "../schema";
import type { Executor } from "./executor";

export interface TokenRequest {
  instanceId: string;
  /** Tokens added per minute (the sustained rate). */
  tokensPerMinute: number;
  /** Bucket size: how many requests may go at once after a quiet spell. */
  burst: number;
  /** The caller's clock (all workers must share a synchronised clock, as graphile-worker assumes). */
  now: Date;
}

/**
 * Takes one token from the instance's shared bucket, or says how long to wait for one.
 *
 * One statement, under the row's lock: refill by the elapsed time × rate, take a token if there
 * is one, else leave the balance and return the wait. `tokens` is an integer, so the refill
 * moves `refilled_at` forward only by the time the whole tokens added stand for — the fraction
 * of a token accrued since is kept, not lost. A pause (`paused_until`, set by any worker that
 * was answered 429) holds every worker until it has passed.
 */
export async function takeRateLimitToken(tx: Executor, request: TokenRequest): Promise<{ waitMs: number }> {
  const burst = Math.max(1, Math.floor(request.burst));
  const intervalMs = 60_000 / request.tokensPerMinute;
  const now = request.now.toISOString();
  const take = () => tx.execute<{ wait_ms: number | string }>(sql`
    update instance_rate_limits as bucket
    set tokens = next.tokens - (case when next.take then 1 else 0 end),
        refilled_at = next.refilled_at
    from (
      select
        least(${burst}::int, current.tokens + added.whole)::int as tokens,
        case
          when current.tokens + added.whole >= ${burst}::int then ${now}::timestamptz
          else current.refilled_at + (added.whole * ${intervalMs}::float8) * interval '1 millisecond'
        end as refilled_at,
        (current.paused_until is null or current.paused_until <= ${now}::timestamptz)
          and least(${burst}::int, current.tokens + added.whole) >= 1 as take,
        current.paused_until
      from (
        select * from instance_rate_limits where instance_id = ${request.instanceId} for update
      ) as current
      cross join lateral (
        select greatest(0, floor(
          extract(epoch from (${now}::timestamptz - current.refilled_at)) * 1000 / ${intervalMs}::float8
        ))::int as whole
      ) as added
    ) as next
    where bucket.instance_id = ${request.instanceId}
    returning case
      when next.take then 0
      when next.paused_until is not null and next.paused_until > ${now}::timestamptz
        then ceil(extract(epoch from (next.paused_until - ${now}::timestamptz)) * 1000)
      else greatest(1, ceil(
        extract(epoch from (next.refilled_at - ${now}::timestamptz)) * 1000 + ${intervalMs}::float8
      ))
    end as wait_ms
  `);
  let rows = await take();
  if (rows.length === 0) {
    // First use of this instance's bucket: create it full, then take from it like everyone else.
    await tx
      .insert(instanceRateLimits)
      .values({ instanceId: request.instanceId, tokens: burst, refilledAt: request.now })
      .onConflictDoNothing();
    rows = await take();
  }
  const [row] = rows;
  if (!row) throw new Error(`no rate-limit state for instance ${request.instanceId}`);
  return { waitMs: Number(row.wait_ms) };
}

/** Holds every worker off the instance until `until` (a later pause already set is kept). */
export async function pauseInstance(tx: Executor, input: { instanceId: string; until: Date }): Promise<void> {
  await tx
    .insert(instanceRateLimits)
    .values({ instanceId: input.instanceId, tokens: 0, refilledAt: input.until, pausedUntil: input.until })
    .onConflictDoUpdate({
      target: instanceRateLimits.instanceId,
      set: {
        pausedUntil: sql`greatest(${instanceRateLimits.pausedUntil}, excluded.paused_until)`,
      },
    });
}
