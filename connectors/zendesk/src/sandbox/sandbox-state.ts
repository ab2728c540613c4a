import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { FaultPlan, SandboxClock, SandboxStats, type PersonDeclaration, type SandboxOracle } from "@lethe/sandbox-kit";
import { RateLimits } from "./rate-limits";
import { AccountPeople } from "./world/account-people";
import { emptyAccount, loadFixture, type ZendeskWorld } from "./world/fixture-world";
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
  /** A fixture world loaded instead of the seeded one (its shape checked already). */
  fixture?: ZendeskWorld;
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
  private seeded: { world: SeededWorld; store: ZendeskStore; people: AccountPeople };

  constructor(readonly config: SandboxConfig) {
    this.limits = new RateLimits(config.rateLimitPerMinute);
    this.seeded = this.seed(config.seed);
    this.loadFixture();
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): ZendeskStore {
    return this.seeded.store;
  }

  /** Who the account's end users are: seeded, declared, or created through the API. */
  get accountPeople(): AccountPeople {
    return this.seeded.people;
  }

  now(): number {
    return this.clock.now().getTime();
  }

  get startSeed(): number {
    return this.config.seed;
  }

  people(): OraclePerson[] {
    return this.accountPeople.people();
  }

  declarePerson(declaration: PersonDeclaration): OraclePerson {
    return this.accountPeople.declare(declaration);
  }

  /**
   * Read after what time has triggered (jobs, scrubs), from every store Zendesk keeps: the records
   * of each of the person's users (a declared person without one: the mentions of their identifiers).
   */
  /** What the count endpoints answer, for the record types the connector counts. */
  recordCounts(): Record<string, number> {
    return { user: this.store.activeUserCount(), ticket: this.store.tickets.size };
  }

  recordsHolding(personId: string): OracleRecord[] {
    this.store.tick(this.now());
    const person = this.accountPeople.find(personId);
    if (!person) return [];
    const userIds = this.accountPeople.usersOf(personId).map(String);
    const seen = new Set<string>();
    return (userIds.length > 0 ? userIds : [personId])
      .flatMap((id) => recordsHolding(this.store, { ...person, id }))
      .filter((record) => {
        const key = `${record.ref.type}/${record.ref.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  /** The kit's reset route has cleared the clock, faults and stats; the world and windows are ours. */
  reseed(seed: number): void {
    this.seeded = this.seed(seed);
    this.loadFixture();
    this.limits.clear();
  }

  /** Jobs finish, permanently deleted users are scrubbed, deleted tickets, job statuses, export cursors and windows expire. */
  afterClockMove(now: Date): void {
    this.store.tick(now.getTime());
  }

  /** A fixture's records are created through the API's own code, acting as the account owner. */
  private loadFixture(): void {
    if (!this.config.fixture) return;
    const owner = [...this.store.users.values()].find((user) => user.row.role === "admin");
    loadFixture(this, this.config.fixture, owner?.row.id ?? 0);
  }

  private seed(seed: number): { world: SeededWorld; store: ZendeskStore; people: AccountPeople } {
    const world = this.config.fixture ? emptyAccount(seed) : seedWorld({ ...this.config, seed });
    return { world, store: new ZendeskStore(world, this.config.scrubDelayMs), people: new AccountPeople(world.oraclePeople) };
  }
}
