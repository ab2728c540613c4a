import { inArray, sql } from "drizzle-orm";
import { loginThrottle } from "../schema";
import type { Executor } from "./executor";

export interface ThrottleRule {
  /** Failures allowed within one window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** The latest lock among the keys, if any is still locked at `now`. */
export async function lockedUntil(tx: Executor, keyHashes: string[], now: Date): Promise<Date | null> {
  if (keyHashes.length === 0) return null;
  const rows = await tx
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.keyHash, keyHashes));
  let latest: Date | null = null;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

/**
 * Counts one failed sign-in against a key in one statement (concurrent failures on several
 * replicas all count): a new window starts when the old one has passed, and reaching the limit
 * locks the key.
 */
export async function recordLoginFailure(tx: Executor, keyHash: string, rule: ThrottleRule, now: Date): Promise<void> {
  // As ISO text with casts: raw statements get no column types to serialise a Date with.
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const lockUntil = new Date(now.getTime() + rule.lockMs).toISOString();
  const at = now.toISOString();
  await tx.execute(sql`
    insert into login_throttle (key_hash, failures, window_started_at, locked_until)
    values (${keyHash}, 1, ${at}::timestamptz, ${rule.maxFailures <= 1 ? lockUntil : null}::timestamptz)
    on conflict (key_hash) do update set
      failures = case when login_throttle.window_started_at < ${windowStart}::timestamptz then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < ${windowStart}::timestamptz then ${at}::timestamptz else login_throttle.window_started_at end,
      locked_until = case
        when (case when login_throttle.window_started_at < ${windowStart}::timestamptz then 1 else login_throttle.failures + 1 end) >= ${rule.maxFailures}
        then ${lockUntil}::timestamptz
        else login_throttle.locked_until
      end
  `);
}

export async function clearLoginFailures(tx: Executor, keyHash: string): Promise<void> {
  await tx.delete(loginThrottle).where(inArray(loginThrottle.keyHash, [keyHash]));
}
