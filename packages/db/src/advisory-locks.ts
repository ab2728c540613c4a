/**
 * Session-level advisory lock keys, in the two-int4 key space so they cannot collide with
 * single-bigint locks (graphile-worker's, for one). The first int spells "LETH".
 */
export const advisoryLockNamespace = 0x4c455448;

export const advisoryLocks = {
  /** Held while migrations run, so concurrent starters apply them once. */
  migrations: 1,
  /** Held while a test database is cloned, because a template cannot be copied twice at once. */
  testDatabaseClone: 2,
} as const;
