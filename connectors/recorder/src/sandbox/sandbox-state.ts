import { randomBytes } from "node:crypto";
import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import {
  FaultPlan,
  FixedWindowRateLimiter,
  PersonDirectoryError,
  SandboxClock,
  SandboxStats,
  SandboxWorldError,
  worldPath,
  type PersonDeclaration,
  type SandboxOracle,
} from "@lethe/sandbox-kit";
import { CallPeople } from "./world/call-people";
import { fixtureWorld, type RecorderWorld } from "./world/fixture-world";
import type { DeletionJobTiming } from "./world/deletion-jobs";
import { RecorderStore } from "./world/recorder-store";
import { seedWorld } from "./world/seed-world";
import type { RecordingRow, SeededWorld } from "./world/world";

export interface SandboxConfig {
  seed: number;
  rateLimitPerMinute: number;
  clientId: string;
  clientSecret: string;
  /** A fixture world loaded instead of the seeded one (its shape checked already). */
  fixture?: RecorderWorld;
  /** How long deletion jobs take (default: the realistic minute plus five). */
  jobTiming?: DeletionJobTiming;
}

/** Access tokens live this long on the sandbox clock (API.md, "Authentication"). */
export const tokenLifetimeSeconds = 86_399;

/**
 * Everything one running sandbox holds, and what the kit's oracle routes read and drive. The
 * clock, faults, stats and the fixed window are the kit's; the calls, their store and the issued
 * tokens are the recorder's.
 *
 * Stats count a deletion per record key (`recording/…`, `transcript/…`, `consent/…`) when a
 * deletion job completes: submitting a job is not a deletion, nor is deleting the media alone, so
 * an erasure done right counts exactly 1.
 */
export class SandboxState implements SandboxOracle {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  /** Per access token, a fixed minute (API.md, "Rate limit"). */
  readonly limiter: FixedWindowRateLimiter;
  /** Issued access tokens and when (sandbox clock, ms) each expires. */
  readonly tokens = new Map<string, number>();
  private seeded: { world: SeededWorld; store: RecorderStore; people: CallPeople };

  constructor(readonly config: SandboxConfig) {
    this.limiter = new FixedWindowRateLimiter({ limit: config.rateLimitPerMinute });
    this.seeded = this.seed(config.seed);
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): RecorderStore {
    return this.seeded.store;
  }

  get startSeed(): number {
    return this.config.seed;
  }

  people(): OraclePerson[] {
    return this.seeded.people.people();
  }

  declarePerson(declaration: PersonDeclaration): OraclePerson {
    return this.seeded.people.declare(declaration);
  }

  /** Stores an uploaded call, its parties matched to the people the oracle knows. */
  addUploadedCall(recording: RecordingRow, media: Buffer): void {
    this.seeded.people.assign(recording);
    this.store.addUploaded(recording, media);
  }

  /** Every recording, transcript and consent record of a call they took part in, media deleted but not purged included. */
  /** Every recording in the store, media deleted or not: what paging the search over all time counts. */
  recordCounts(): Record<string, number> {
    return { recording: this.store.recordings.size };
  }

  recordsHolding(personId: string): OracleRecord[] {
    return this.store.recordsHolding(personId);
  }

  issueToken(): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, this.clock.now().getTime() + tokenLifetimeSeconds * 1000);
    return token;
  }

  /** Jobs move on with the clock; called before every request. */
  tick(): void {
    this.store.jobs.advance(this.clock.now());
  }

  /**
   * The kit's reset route has cleared the clock, faults and stats; the calls and the rate-limit
   * windows are ours. Issued access tokens are kept, as the client credentials stay the same.
   */
  reseed(seed: number): void {
    this.seeded = this.seed(seed);
    this.limiter.clear();
  }

  /** Deletion jobs due by the new time move on at once (PENDING → PROCESSING → FULFILLED). */
  afterClockMove(now: Date): void {
    this.store.jobs.advance(now);
  }

  /**
   * The seeded world, or the fixture's: its people declared first (a bad declaration is a
   * SandboxWorldError naming its path), then each call's parties matched to them.
   */
  private seed(seed: number): { world: SeededWorld; store: RecorderStore; people: CallPeople } {
    const { fixture } = this.config;
    const world = fixture ? fixtureWorld(fixture, seed) : seedWorld(seed);
    const people = new CallPeople(world.oraclePeople);
    if (fixture) {
      const problems: string[] = [];
      fixture.people.forEach((declaration, index) => {
        try {
          people.declare(declaration);
        } catch (error) {
          if (!(error instanceof PersonDirectoryError)) throw error;
          problems.push(`${worldPath(["people", index])}: ${error.message}`);
        }
      });
      if (problems.length > 0) throw new SandboxWorldError(problems);
      for (const recording of world.recordings) people.assign(recording);
    }
    return { world, store: new RecorderStore(world, this.stats, this.config.jobTiming), people };
  }
}
