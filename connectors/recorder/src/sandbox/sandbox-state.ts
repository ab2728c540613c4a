import { randomBytes } from "node:crypto";
import { SandboxClock } from "./clock";
import { FaultPlan } from "./faults";
import { RateLimiter } from "./rate-limiter";
import { SandboxStats } from "./stats";
import { RecorderStore } from "./world/recorder-store";
import { seedWorld } from "./world/seed-world";
import type { SeededWorld } from "./world/world";

export interface SandboxConfig {
  seed: number;
  rateLimitPerMinute: number;
  clientId: string;
  clientSecret: string;
}

/** Access tokens live this long on the sandbox clock (API.md, "Authentication"). */
export const tokenLifetimeSeconds = 86_399;

/** Everything one running sandbox holds; `reset` puts it back to a freshly seeded world. */
export class SandboxState {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  readonly limiter: RateLimiter;
  /** Issued access tokens and when (sandbox clock, ms) each expires. */
  readonly tokens = new Map<string, number>();
  private seeded: { world: SeededWorld; store: RecorderStore };

  constructor(readonly config: SandboxConfig) {
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
    this.seeded = this.seed(config.seed);
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): RecorderStore {
    return this.seeded.store;
  }

  issueToken(): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, this.clock.now().getTime() + tokenLifetimeSeconds * 1000);
    return token;
  }

  /** Jobs move on with the clock; called before every request and after the clock moves. */
  tick(): void {
    this.store.jobs.advance(this.clock.now());
  }

  reset(seed: number): void {
    this.seeded = this.seed(seed);
    this.clock.reset();
    this.faults.clear();
    this.stats.clear();
    this.limiter.clear();
  }

  private seed(seed: number): { world: SeededWorld; store: RecorderStore } {
    const world = seedWorld(seed);
    return { world, store: new RecorderStore(world, this.stats) };
  }
}
