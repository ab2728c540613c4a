import { describe, expect, it } from "vitest";
import { createTokenBucketRateLimiter } from "./rate-limiter";

/** A clock that only moves when the limiter sleeps, so spacing is measured exactly and instantly. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      waits.push(ms);
      now += ms;
    },
    waits,
    advance: (ms: number) => (now += ms),
  };
}

describe("createTokenBucketRateLimiter", () => {
  it("spaces requests evenly at the configured rate", async () => {
    const time = fakeTime();
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: 60, burst: 1, ...time });

    for (let i = 0; i < 4; i += 1) await limiter.acquire();

    expect(time.waits).toEqual([1000, 1000, 1000]);
    expect(time.now()).toBe(3000);
  });

  it("lets a burst through at once, then paces the rest", async () => {
    const time = fakeTime();
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: 120, burst: 3, ...time });

    for (let i = 0; i < 5; i += 1) await limiter.acquire();

    expect(time.waits).toEqual([500, 500]);
  });

  it("serves concurrent callers in arrival order at the configured rate", async () => {
    const waits: number[] = [];
    const limiter = createTokenBucketRateLimiter({
      requestsPerMinute: 60,
      burst: 1,
      now: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });

    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);

    expect(waits).toEqual([1000, 2000]);
  });

  it("refills while idle, up to the burst only", async () => {
    const time = fakeTime();
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: 60, burst: 2, ...time });
    await limiter.acquire();
    await limiter.acquire();

    time.advance(60_000);
    for (let i = 0; i < 3; i += 1) await limiter.acquire();

    expect(time.waits).toEqual([1000]);
  });

  it("holds every caller for a reported throttle", async () => {
    const time = fakeTime();
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: 600, burst: 10, ...time });
    await limiter.acquire();

    await limiter.reportThrottle?.(5000);
    await limiter.acquire();

    expect(time.now()).toBeGreaterThanOrEqual(5000);
  });

  it("gives the token back when the caller aborts while waiting", async () => {
    const time = fakeTime();
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: 60, burst: 1, ...time });
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort();

    await expect(limiter.acquire(controller.signal)).rejects.toMatchObject({ name: "AbortError" });
    await limiter.acquire();

    expect(time.waits).toEqual([1000]);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => createTokenBucketRateLimiter({ requestsPerMinute: 0 })).toThrow(RangeError);
  });
});
