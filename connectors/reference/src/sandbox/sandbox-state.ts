import { SandboxClock } from "./clock";
import { FaultPlan } from "./faults";
import { RateLimiter } from "./rate-limiter";
import { SandboxStats } from "./stats";
import { seedWorld } from "./world/seed-world";
import { VendorStore } from "./world/vendor-store";
import type { SeededWorld } from "./world/world";

export interface SandboxConfig {
  seed: number;
  extraPeople: number;
  rateLimitPerMinute: number;
  /** The one API token this Reference CRM account accepts. */
  apiToken: string;
}

/** Everything one running sandbox holds; `reset` puts it back to a freshly seeded world. */
export class SandboxState {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  readonly limiter: RateLimiter;
  private seeded: { world: SeededWorld; store: VendorStore };

  constructor(readonly config: SandboxConfig) {
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
    this.seeded = this.seed(config.seed);
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): VendorStore {
    return this.seeded.store;
  }

  reset(seed: number): void {
    this.seeded = this.seed(seed);
    this.clock.reset();
    this.faults.clear();
    this.stats.clear();
    this.limiter.clear();
  }

  private seed(seed: number): { world: SeededWorld; store: VendorStore } {
    const world = seedWorld({ seed, extraPeople: this.config.extraPeople });
    return { world, store: new VendorStore(world) };
  }
}
