import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { FaultPlan, FixedWindowRateLimiter, PersonDirectory, SandboxClock, SandboxStats, type PersonDeclaration, type SandboxOracle } from "@lethe/sandbox-kit";
import { CallTimes } from "./call-times/call-times";
import { emptyWorld, loadFixture, type ReferenceWorld } from "./world/fixture-world";
import { seedWorld } from "./world/seed-world";
import { VendorStore } from "./world/vendor-store";
import type { RecordType, SeededWorld } from "./world/world";

export interface SandboxConfig {
  seed: number;
  extraPeople: number;
  rateLimitPerMinute: number;
  /** The one API token this Reference CRM account accepts. */
  apiToken: string;
  /** A fixture world loaded instead of the seeded one (its shape checked already). */
  fixture?: ReferenceWorld;
}

/**
 * Everything one running sandbox holds, and what the oracle routes (`@lethe/sandbox-kit`) read
 * and drive. The clock, faults, stats and rate limiter are the kit's; the world and its store are
 * Reference CRM's.
 *
 * Stats count as a deletion a purge from the trash answered 204 (`DELETE /api/trash/...`). Moving
 * a record to the trash is not one (its data is still there), nor is the trash's own 30-day expiry.
 */
const countedTypes: readonly RecordType[] = ["person", "note", "attachment", "call"];

export class SandboxState implements SandboxOracle {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  /** Arrival times of vendor calls (`GET /__sandbox/call-times`), for rate checks across clients. */
  readonly callTimes = new CallTimes();
  /** Reference CRM limits each API token to a fixed one-minute window (API.md, "Rate limit"). */
  readonly limiter: FixedWindowRateLimiter;
  private seeded: { world: SeededWorld; store: VendorStore; directory: PersonDirectory };

  constructor(readonly config: SandboxConfig) {
    this.limiter = new FixedWindowRateLimiter({ limit: config.rateLimitPerMinute, windowMs: 60_000 });
    this.seeded = this.seed(config.seed);
    if (config.fixture) loadFixture(this, config.fixture);
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): VendorStore {
    return this.seeded.store;
  }

  get startSeed(): number {
    return this.config.seed;
  }

  /** Who is who: seeded people, declared ones, and people created through the API (matched by e-mail or phone). */
  get directory(): PersonDirectory {
    return this.seeded.directory;
  }

  people(): OraclePerson[] {
    return this.directory.people();
  }

  declarePerson(declaration: PersonDeclaration): OraclePerson {
    return this.directory.declare(declaration);
  }

  /** The records of every person row standing for the oracle's person. */
  recordsHolding(personId: string): OracleRecord[] {
    return this.directory.ownersOf(personId).flatMap((owner) => this.store.recordsHolding(owner));
  }

  /** Active records per type, what `GET /api/counts/:collection` answers. */
  recordCounts(): Record<string, number> {
    return Object.fromEntries(countedTypes.map((type) => [type, this.store.countActive(type)]));
  }

  /** The kit's reset route has cleared the clock, faults and stats; the world, windows and call times are ours. */
  reseed(seed: number): void {
    this.seeded = this.seed(seed);
    if (this.config.fixture) loadFixture(this, this.config.fixture);
    this.limiter.clear();
    this.callTimes.clear();
  }

  /** Trash entries older than 30 days go at once, as the vendor's nightly job would have done. */
  afterClockMove(now: Date): void {
    this.store.expireTrash(now);
  }

  private seed(seed: number): { world: SeededWorld; store: VendorStore; directory: PersonDirectory } {
    const world = this.config.fixture ? emptyWorld(seed) : seedWorld({ seed, extraPeople: this.config.extraPeople });
    return { world, store: new VendorStore(world), directory: new PersonDirectory(world.oraclePeople) };
  }
}
