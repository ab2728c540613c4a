import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import type { FaultPlan } from "../fault-plan";
import type { SandboxClock } from "../sandbox-clock";
import type { SandboxStats } from "../sandbox-stats";
import type { PersonDeclaration } from "../world/person-directory";

/**
 * What the oracle routes read and drive. The clock, fault plan and stats are the kit's; the rest
 * is the vendor's world, which only the sandbox knows how to read.
 */
export interface SandboxOracle {
  clock: SandboxClock;
  faults: FaultPlan;
  stats: SandboxStats;
  /** The seed the sandbox started with: `POST /__sandbox/reset` without a seed goes back to it. */
  startSeed: number;
  /** Everyone seeded, subjects and bystanders, erased or not. */
  people(): OraclePerson[];
  /**
   * Every record still holding the person's data, in every store the vendor keeps (active,
   * soft-deleted, recycle bin, archive), read from the store itself, never through the vendor API.
   * Called only with the id of a known person (seeded, declared, or created through the vendor's API).
   */
  recordsHolding(personId: string): OracleRecord[];
  /**
   * Replaces the world with a freshly seeded one and clears the sandbox's own state (rate-limit
   * windows, jobs, sessions). The router resets the clock, faults and stats itself.
   */
  reseed(seed: number): void;
  /**
   * Declares a person (`POST /__sandbox/people`); records created through the vendor's API whose
   * identifiers match become theirs. A sandbox without it answers that route 404. Throws a
   * `PersonDirectoryError` for an id already taken.
   */
  declarePerson?(declaration: PersonDeclaration): OraclePerson;
  /**
   * Record type → how many records of it the vendor's active store holds (what its count API
   * answers), read from the store; for sandboxes whose connector declares `countRecords`.
   */
  recordCounts?(): Record<string, number>;
  /** Runs what time triggers (recycle-bin expiry, jobs completing), after every clock change. */
  afterClockMove?(now: Date): void;
}
