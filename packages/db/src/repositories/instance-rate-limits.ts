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
 * Takes one token from the instance's shared bucket, or says how long to wait for one
 * (`leaseRateLimitTokens` with a lease of one).
 */
export async function takeRateLimitToken(tx: Executor, request: TokenRequest): Promise<{ waitMs: number }> {
  const { waitMs } = await leaseRateLimitTokens(tx, { ...request, wanted: 1 });
  return { waitMs };
}

/**
 * Takes up to `wanted` tokens from the instance's shared bucket at once — as many as it holds,
 * at least one — or says how long to wait for one, so that a worker spending many tokens pays
 * one statement per lease rather than one per call.
 *
 * One statement, under the row's lock: refill by the elapsed time × rate, take what is there up
 * to `wanted`, else leave the balance and return the wait. `tokens` is an integer, so the refill
 * moves `refilled_at` forward only by the time the whole tokens added stand for — the fraction
 * of a token accrued since is kept, not lost. A pause (`paused_until`, set by any worker that
 * was answered 429) holds every worker until it has passed.
 */
export async function leaseRateLimitTokens(
  tx: Executor,
  request: TokenRequest & { wanted: number },
): Promise<{ granted: number; waitMs: number }> {
  const burst = Math.max(1, Math.floor(request.burst));
  const wanted = Math.max(1, Math.floor(request.wanted));
  const intervalMs = 60_000 / request.tokensPerMinute;
  const now = request.now.toISOString();
  const take = () => tx.execute<{ granted: number; wait_ms: number | string }>(sql`
    update instance_rate_limits as bucket
    set tokens = next.tokens - next.granted,
        refilled_at = next.refilled_at
    from (
      select
        least(${burst}::int, current.tokens + added.whole)::int as tokens,
        case
          when current.tokens + added.whole >= ${burst}::int then ${now}::timestamptz
          else current.refilled_at + (added.whole * ${intervalMs}::float8) * interval '1 millisecond'
        end as refilled_at,
        case
          when current.paused_until is null or current.paused_until <= ${now}::timestamptz
            then greatest(0, least(${wanted}::int, ${burst}::int, current.tokens + added.whole))::int
          else 0
        end as granted,
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
    returning next.granted, case
      when next.granted > 0 then 0
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
  const granted = Math.max(0, Number(row.granted));
  return { granted, waitMs: granted > 0 ? 0 : Number(row.wait_ms) };
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
