import { inArray, sql } from "drizzle-orm";
import { loginThrottle } from "../schema";
import type { Executor } from "./executor";

export interface ThrottleRule {
  /** Failures allowed within one window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** One key's state right after an attempt was charged to it. */
export interface ChargedAttempt {
  /** Attempts charged in the current window, this one included. */
  attempts: number;
  lockedUntil: Date | null;
}

/**
 * Charges one sign-in attempt to a key before the password is checked, in one statement that
 * returns the count: concurrent attempts are serialised on the row's lock, so of 20 parallel
 * guesses exactly `maxFailures` see a count within the limit, however long the password check
 * takes. (Checking the lock first and counting after the check let every parallel guess through.)
 * The attempt that reaches the limit locks the key; a window does not restart while the key is
 * locked, so attempts during a lock keep being refused. A successful sign-in gives the charge back
 * (`refundLoginAttempt`, `clearLoginFailures`).
 */
export async function chargeLoginAttempt(tx: Executor, keyHash: string, rule: ThrottleRule, now: Date): Promise<ChargedAttempt> {
  // As ISO text with casts: raw statements get no column types to serialise a Date with.
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const lockUntil = new Date(now.getTime() + rule.lockMs).toISOString();
  const at = now.toISOString();
  const restarts = sql`(login_throttle.window_started_at < ${windowStart}::timestamptz and (login_throttle.locked_until is null or login_throttle.locked_until <= ${at}::timestamptz))`;
  const attempts = sql`(case when ${restarts} then 1 else login_throttle.failures + 1 end)`;
  const rows = await tx.execute<{ failures: number; locked_until: string | Date | null }>(sql`
    insert into login_throttle (key_hash, failures, window_started_at, locked_until)
    values (${keyHash}, 1, ${at}::timestamptz, ${rule.maxFailures <= 1 ? lockUntil : null}::timestamptz)
    on conflict (key_hash) do update set
      failures = ${attempts},
      window_started_at = case when ${restarts} then ${at}::timestamptz else login_throttle.window_started_at end,
      locked_until = case
        when ${attempts} = ${rule.maxFailures} then ${lockUntil}::timestamptz
        when ${restarts} then null
        else login_throttle.locked_until
      end
    returning failures, locked_until
  `);
  const row = rows[0];
  if (!row) throw new Error("charging a sign-in attempt returned no row");
  return { attempts: Number(row.failures), lockedUntil: row.locked_until === null ? null : new Date(row.locked_until) };
}

/** Gives back one attempt charged to a key (a sign-in that succeeded does not count against its address). */
export async function refundLoginAttempt(tx: Executor, keyHash: string): Promise<void> {
  await tx.execute(sql`update login_throttle set failures = greatest(failures - 1, 0) where key_hash = ${keyHash}`);
}

export async function clearLoginFailures(tx: Executor, keyHash: string): Promise<void> {
  await tx.delete(loginThrottle).where(inArray(loginThrottle.keyHash, [keyHash]));
}
