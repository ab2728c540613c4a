import { RateLimitedError } from "@lethe/connector-sdk";
import { insertConnectorInstance, takeRateLimitToken, type SecretSealer } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRateLimiter, splitBudget } from "./postgres-rate-limiter";

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
    expect(inWindow).toBeLessThanOrEqual(ceiling);
    // It is a limiter, not a wall: most of the budget was used.
    expect(inWindow).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.7));
  });

  it("holds every limiter of the instance after one reports a throttle, and reschedules long waits", async () => {
    const instanceId = await newInstance("throttled");
    const first = createPostgresRateLimiter({ database, instanceId, requestsPerMinute: 6000 });
    const second = createPostgresRateLimiter({ database, instanceId, requestsPerMinute: 6000, maxInlineWaitMs: 1_000 });
    await first.acquire();
    await first.reportThrottle?.(300);
    const before = Date.now();
    await second.acquire();
    expect(Date.now() - before).toBeGreaterThanOrEqual(250);

    await first.reportThrottle?.(60_000);
    const error = await second.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(55_000);
  });
});
