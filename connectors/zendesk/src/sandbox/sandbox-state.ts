import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { FaultPlan, SandboxClock, SandboxStats, type SandboxOracle } from "@lethe/sandbox-kit";
import { RateLimits } from "./rate-limits";
import { recordsHolding } from "./world/oracle-view";
import { seedWorld, type SeedOptions } from "./world/seed-world";
import type { SeededWorld } from "./world/rows";
import { ZendeskStore } from "./world/zendesk-store";

export interface SandboxConfig extends Omit<SeedOptions, "seed"> {
  seed: number;
  rateLimitPerMinute: number;
  /** The API token the account accepts with the admin's e-mail (Basic `{email}/token:{token}`). */
  apiToken: string;
  /** An OAuth access token the account accepts (Bearer). */
  oauthAccessToken: string;
  /** Delay before a permanently deleted user's data is scrubbed. */
  scrubDelayMs?: number;
}

/**
 * Everything one running sandbox holds, and what the kit's oracle routes read and drive. The
 * clock, faults and stats are the kit's; the world, its store and the rate limits are Zendesk's.
 *
 * Stats count as a deletion (`user/{id}`, `ticket/{id}`) a user removed by `DELETE
 * /deleted_users/:id` and a ticket removed when its permanent-deletion job completed. Soft
 * deletion is not one; a 404 is not one.
 */
export class SandboxState implements SandboxOracle {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  readonly limits: RateLimits;
  private seeded: { world: SeededWorld; store: ZendeskStore };

  constructor(readonly config: SandboxConfig) {
    this.limits = new RateLimits(config.rateLimitPerMinute);
    this.seeded = this.seed(config.seed);
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): ZendeskStore {
    return this.seeded.store;
  }

  now(): number {
    return this.clock.now().getTime();
  }

  get startSeed(): number {
    return this.config.seed;
  }

  people(): OraclePerson[] {
    return this.world.oraclePeople;
  }

  /** Read after what time has triggered (jobs, scrubs), from every store Zendesk keeps. */
  recordsHolding(personId: string): OracleRecord[] {
    this.store.tick(this.now());
    const person = this.people().find((p) => p.id === personId);
    return person ? recordsHolding(this.store, person) : [];
  }

  /** The kit's reset route has cleared the clock, faults and stats; the world and windows are ours. */
  reseed(seed: number): void {
    this.seeded = this.seed(seed);
    this.limits.clear();
  }

  /** Jobs finish, permanently deleted users are scrubbed, deleted tickets, job statuses, export cursors and windows expire. */
  afterClockMove(now: Date): void {
    this.store.tick(now.getTime());
  }

  private seed(seed: number): { world: SeededWorld; store: ZendeskStore } {
    const world = seedWorld({ ...this.config, seed });
    return { world, store: new ZendeskStore(world, this.config.scrubDelayMs) };
  }
}
