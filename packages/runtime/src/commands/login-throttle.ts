import { clearLoginFailures, lockedUntil, recordLoginFailure, type Database, type ThrottleRule } from "@lethe/db";

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

/** Until when sign-ins with these keys are refused; null when they are not. */
export async function loginLockedUntil(database: Database, keys: LoginKeys, now: Date): Promise<Date | null> {
  return lockedUntil(database.db, [keys.account, keys.address], now);
}

export async function countLoginFailure(database: Database, keys: LoginKeys, now: Date): Promise<void> {
  await recordLoginFailure(database.db, keys.account, accountRule, now);
  await recordLoginFailure(database.db, keys.address, addressRule, now);
}

/** After a successful sign-in the account's failures are forgotten (the address's are not). */
export async function forgetLoginFailures(database: Database, keys: LoginKeys): Promise<void> {
  await clearLoginFailures(database.db, keys.account);
}
