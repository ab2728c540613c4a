import { RateLimitedError } from "@lethe/connector-sdk";
import { insertConnectorInstance, takeRateLimitToken, type SecretSealer } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRateLimiter, leasedRefillPerMinute, splitBudget } from "./postgres-rate-limiter";
import { RateLimitLeases } from "./rate-limit-leases";

let database: TestDatabase;
const plainBox: SecretSealer = { seal: (text) => text, open: (text) => text };

async function newInstance(name: string): Promise<string> {
  const instance = await insertConnectorInstance(database.db, plainBox, {
    connectorId: "reference",
    name,
    settings: {},
    secrets: {},
  });
  return instance.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("the shared token bucket", () => {
  it("hands out the burst, then one token per interval, keeping the fraction of a token accrued", async () => {
    const instanceId = await newInstance("bucket arithmetic");
    const t0 = Date.parse("2025-01-01T00:00:00.000Z");
    const take = (offsetMs: number) =>
      takeRateLimitToken(database.db, { instanceId, tokensPerMinute: 60, burst: 2, now: new Date(t0 + offsetMs) });

    expect(await take(0)).toEqual({ waitMs: 0 });
    expect(await take(0)).toEqual({ waitMs: 0 });
    expect(await take(0)).toEqual({ waitMs: 1000 });
    expect(await take(400)).toEqual({ waitMs: 600 });
    expect(await take(1000)).toEqual({ waitMs: 0 });
    expect(await take(1500)).toEqual({ waitMs: 500 });
    expect(await take(2000)).toEqual({ waitMs: 0 });
    // After a quiet spell the bucket holds the burst, no more.
    expect(await take(60_000)).toEqual({ waitMs: 0 });
    expect(await take(60_000)).toEqual({ waitMs: 0 });
    expect((await take(60_000)).waitMs).toBe(1000);
  });

  it("keeps every worker's requests within the budget in every sliding minute", () => {
    for (const budget of [2, 3, 60, 600, 100_000]) {
      const { burst, sustainedPerMinute } = splitBudget(budget);
      expect(burst + sustainedPerMinute).toBeLessThanOrEqual(budget);
      expect(burst).toBeGreaterThanOrEqual(1);
    }
  });

  it("lets two limiters on one database together take no more than the budget allows", async () => {
    const instanceId = await newInstance("two workers");
    // 600/min: a burst of 10, then 590/min (one token per ~102 ms) shared by both.
    const budget = 600;
    const { burst, sustainedPerMinute } = splitBudget(budget);
    const granted: number[] = [];
    const limiters = [0, 1].map(() => createPostgresRateLimiter({ database, instanceId, requestsPerMinute: budget }));
    const started = Date.now();
    const windowMs = 2_000;
    await Promise.all(
      limiters.flatMap((limiter) =>
        [0, 1, 2].map(async () => {
          while (Date.now() - started < windowMs) {
            await limiter.acquire();
            granted.push(Date.now() - started);
          }
        }),
      ),
    );
    const inWindow = granted.filter((at) => at <= windowMs).length;
    const ceiling = burst + Math.ceil((sustainedPerMinute * windowMs) / 60_000);
    // Each limiter leases tokens in batches, so this is also the no-overspend check for leases.
    expect(inWindow).toBeLessThanOrEqual(ceiling);
    // It is a limiter, not a wall: most of the budget was used.
    expect(inWindow).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.7));
  });

  it("holds every limiter of the instance after one reports a throttle, and reschedules long waits", async () => {
    const instanceId = await newInstance("throttled");
    const first = createPostgresRateLimiter({ database, instanceId, requestsPerMinute: 6000 });
    const second = createPostgresRateLimiter({ database, instanceId, requestsPerMinute: 6000, maxInlineWaitMs: 1_000 });
    await first.acquire();
    // The pause runs from when it is reported, so the clock starts before the report's own statement.
    const before = Date.now();
    await first.reportThrottle?.(300);
    await second.acquire();
    expect(Date.now() - before).toBeGreaterThanOrEqual(250);

    await first.reportThrottle?.(60_000);
    const error = await second.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(55_000);
  });

  it("lets three worker processes leasing tokens in batches stay within the budget in every sliding window", async () => {
    const instanceId = await newInstance("three leasing workers");
    // 1 200/min: a burst of 20, then a refill of 1 180/min scaled down for the lease's life.
    const budget = 1_200;
    const leaseTtlMs = 1_000;
    const { burst, sustainedPerMinute } = splitBudget(budget);
    const perMs = leasedRefillPerMinute(sustainedPerMinute, leaseTtlMs) / 60_000;
    const granted: number[] = [];
    // Three processes, each with its own lease pool shared by its four concurrent jobs.
    const processes = [0, 1, 2].map(() => new RateLimitLeases({ leaseTtlMs, maxLease: 32 }));
    const started = Date.now();
    const runMs = 3_000;
    await Promise.all(
      processes.flatMap((leasesOfProcess) =>
        [0, 1, 2, 3].map(async () => {
          const limiter = createPostgresRateLimiter({
            database,
            instanceId,
            requestsPerMinute: budget,
            leased: leasesOfProcess.of(instanceId),
            lease: leasesOfProcess.options,
          });
          while (Date.now() - started < runMs) {
            await limiter.acquire();
            granted.push(Date.now() - started);
          }
        }),
      ),
    );
    granted.sort((a, b) => a - b);
    // A call in a window of length w spends a token taken in that window or up to leaseTtlMs before it.
    for (const windowMs of [500, 1_000, 2_000]) {
      const ceiling = burst + Math.ceil(perMs * (windowMs + leaseTtlMs));
      expect(mostInAnyWindow(granted, windowMs)).toBeLessThanOrEqual(ceiling);
    }
    const total = granted.filter((at) => at < runMs).length;
    expect(total).toBeGreaterThanOrEqual(Math.floor((burst + perMs * runMs) * 0.6));
  });

  it("spends one statement per lease, not per call, below the limit", async () => {
    const instanceId = await newInstance("leasing below the limit");
    let statements = 0;
    const countingDatabase = { ...database, db: countStatements(database.db, () => (statements += 1)) };
    const leases = new RateLimitLeases({ leaseTtlMs: 60_000, maxLease: 32 });
    const jobs = [0, 1, 2, 3].map(() =>
      createPostgresRateLimiter({ database: countingDatabase, instanceId, requestsPerMinute: 600_000, leased: leases.of(instanceId), lease: leases.options }),
    );
    await Promise.all(jobs.map(async (limiter) => {
      for (let call = 0; call < 50; call += 1) await limiter.acquire();
    }));
    // 200 calls; leases of 1, 2, 4, … 32 tokens (the first one also creates the bucket).
    expect(statements).toBeLessThanOrEqual(15);
  });
});

/** The most timestamps (sorted, ms) inside any window [t, t + windowMs). */
function mostInAnyWindow(sorted: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** The same drizzle database, counting each `execute` (the lease statement goes through it). */
function countStatements(db: TestDatabase["db"], count: () => void): TestDatabase["db"] {
  const counting = Object.create(db) as TestDatabase["db"];
  const execute: TestDatabase["db"]["execute"] = (query) => {
    count();
    return db.execute(query);
  };
  counting.execute = execute;
  return counting;
}
