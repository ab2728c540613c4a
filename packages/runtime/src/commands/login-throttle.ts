import { chargeLoginAttempt, clearLoginFailures, refundLoginAttempt, type Database, type ThrottleRule } from "@lethe/db";

/**
 * Sign-in guessing limits, kept in Postgres so they hold across API replicas. Per account: 5
 * failures in 15 minutes lock it for 15 minutes. Per client address: 50 failures (many accounts
 * from one place). Keys are hashed by the caller: the table holds no e-mail address or IP.
 */
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const addressRule: ThrottleRule = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Hashes of the account (e-mail) and the client address a sign-in comes from. */
export interface LoginKeys {
  account: string;
  address: string;
}

/** Whether a sign-in may check its password now, or when it may try again. */
export type LoginAttempt = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Counts a sign-in against its account and address before its password is checked (each in one
 * atomic statement, see `chargeLoginAttempt`), so parallel guesses cannot all slip in under the
 * limit. Refused when either key is past its limit; a success then gives its charge back
 * (`forgetLoginFailures`), so only failures stay counted.
 */
export async function takeLoginAttempt(database: Database, keys: LoginKeys, now: Date): Promise<LoginAttempt> {
  const account = await chargeLoginAttempt(database.db, keys.account, accountRule, now);
  const address = await chargeLoginAttempt(database.db, keys.address, addressRule, now);
  const refusals = [
    refusal(account.attempts, account.lockedUntil, accountRule, now),
    refusal(address.attempts, address.lockedUntil, addressRule, now),
  ].filter((retryAt): retryAt is Date => retryAt !== null);
  if (refusals.length === 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(Math.max(...refusals.map((date) => date.getTime()))) };
}

function refusal(attempts: number, lockedUntil: Date | null, rule: ThrottleRule, now: Date): Date | null {
  if (attempts <= rule.maxFailures) return null;
  // The attempt that reached the limit set the lock; should it be missing, the rule's lock applies.
  return lockedUntil && lockedUntil > now ? lockedUntil : new Date(now.getTime() + rule.lockMs);
}

/** After a successful sign-in the account's failures are forgotten; the address gets its charge back. */
export async function forgetLoginFailures(database: Database, keys: LoginKeys): Promise<void> {
  await clearLoginFailures(database.db, keys.account);
  await refundLoginAttempt(database.db, keys.address);
}
