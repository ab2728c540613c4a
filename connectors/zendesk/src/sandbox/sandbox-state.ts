import { SandboxClock } from "./clock";
import { FaultPlan } from "./faults";
import { RateLimits } from "./rate-limits";
import { SandboxStats } from "./stats";
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

/** Everything one running sandbox holds; `reset` puts it back to a freshly seeded world. */
export class SandboxState {
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

  reset(seed: number): void {
    this.seeded = this.seed(seed);
    this.clock.reset();
    this.faults.clear();
    this.stats.clear();
    this.limits.clear();
  }

  private seed(seed: number): { world: SeededWorld; store: ZendeskStore } {
    const world = seedWorld({ ...this.config, seed });
    return { world, store: new ZendeskStore(world, this.config.scrubDelayMs) };
  }
}
