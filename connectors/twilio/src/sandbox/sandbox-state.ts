import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { FaultPlan, FixedWindowRateLimiter, SandboxClock, SandboxStats, type SandboxOracle } from "@lethe/sandbox-kit";
import { seedWorld, type TwilioWorld } from "./world/seed-world";
import { TwilioStore } from "./world/twilio-store";

export interface SandboxConfig {
  seed: number;
  extraPeople: number;
  rateLimitPerMinute: number;
  authToken: string;
  /** An API key of the account (`SK…` and its secret): Twilio takes it in place of the Auth Token. */
  apiKey: { sid: string; secret: string };
}

/**
 * One running Twilio sandbox: the kit's clock, faults, stats and limiter, and the seeded account.
 * Stats count a deletion for each DELETE answered 204 (a recording's first: later ones are 404).
 */
export class SandboxState implements SandboxOracle {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  /** Twilio limits concurrency; the sandbox stands for it with a per-account window (429, code 20429). */
  readonly limiter: FixedWindowRateLimiter;
  world: TwilioWorld;
  store: TwilioStore;

  constructor(readonly config: SandboxConfig) {
    this.limiter = new FixedWindowRateLimiter({ limit: config.rateLimitPerMinute, windowMs: 60_000 });
    this.world = seedWorld(config.seed, config.extraPeople);
    this.store = new TwilioStore(this.world);
  }

  get startSeed(): number {
    return this.config.seed;
  }

  get accountSid(): string {
    return this.world.accountSid;
  }

  people(): OraclePerson[] {
    return this.world.people;
  }

  recordsHolding(personId: string): OracleRecord[] {
    return this.store.recordsHolding(personId);
  }

  reseed(seed: number): void {
    const accountSid = this.world.accountSid;
    this.world = { ...seedWorld(seed, this.config.extraPeople), accountSid };
    this.store = new TwilioStore(this.world);
    this.limiter.clear();
  }

  afterClockMove(now: Date): void {
    this.store.expire(now);
  }
}
