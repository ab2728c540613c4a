import { describe, expect, it } from "vitest";
import { decideRetry, defaultRetryPolicy, type RetryPolicy } from "./retry-policy";

const policy: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 1_000, maxDelayMs: 8_000, random: () => 1 };

describe("decideRetry", () => {
  it("backs off with doubling full-jitter ceilings up to the cap, then gives up when the transient budget is spent", () => {
    let state;
    const delays: number[] = [];
    for (let run = 1; run < policy.maxTransientFailures; run += 1) {
      const decision = decideRetry(policy, state, { kind: "transient" }, 0);
      if (!decision.retry) throw new Error(`gave up after ${run} runs`);
      delays.push(decision.delayMs);
      state = decision.state;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]);
    expect(decideRetry(policy, state, { kind: "transient" }, 0)).toMatchObject({ retry: false, attempt: 8, of: 8, reason: "attempts" });
  });

  it("draws each wait from zero to the ceiling, and waits at least the vendor's Retry-After", () => {
    const low = { ...policy, random: () => 0.25 };
    expect(decideRetry(low, undefined, { kind: "transient" }, 0)).toMatchObject({ retry: true, delayMs: 250 });
    expect(decideRetry(low, undefined, { kind: "transient", retryAfterMs: 30_000 }, 0)).toMatchObject({ retry: true, delayMs: 30_000 });
  });

  it("gives a garbled answer a few runs only, counted apart from transient faults", () => {
    const first = decideRetry(policy, { transient: 5, contract: 0, since: 0 }, { kind: "contract" }, 0);
    expect(first).toMatchObject({ retry: true, attempt: 1, of: 3, state: { transient: 5, contract: 1 } });
    const second = decideRetry(policy, first.state, { kind: "contract" }, 0);
    expect(second).toMatchObject({ retry: true, attempt: 2 });
    expect(decideRetry(policy, second.state, { kind: "contract" }, 0)).toMatchObject({ retry: false, attempt: 3, reason: "attempts" });
  });

  it("stops retrying once the time window since the first failure has passed", () => {
    const decision = decideRetry(policy, { transient: 1, contract: 0, since: 0 }, { kind: "transient" }, policy.maxRetryWindowMs);
    expect(decision).toMatchObject({ retry: false, reason: "window" });
  });
});
