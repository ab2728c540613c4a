import { describe, expect, it } from "vitest";
import { decideRetry, defaultRetryPolicy, type RetryPolicy, type RetryState } from "./retry-policy";

const policy: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 1_000, maxDelayMs: 8_000, random: () => 1 };

describe("decideRetry", () => {
  it("backs off with doubling full-jitter ceilings up to the cap, then gives up when the budget is spent", () => {
    let state: RetryState | undefined;
    const delays: number[] = [];
    for (let run = 1; run < policy.maxFailures; run += 1) {
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

  it("gives an answer garbled at the same place a few runs only", () => {
    const first = decideRetry(policy, undefined, { kind: "contract", at: "people.search" }, 0);
    expect(first).toMatchObject({ retry: true, state: { failures: 1, contract: 1, contractAt: "people.search" } });
    const second = decideRetry(policy, first.state, { kind: "contract", at: "people.search" }, 0);
    expect(second).toMatchObject({ retry: true, attempt: 2, of: 3 });
    expect(decideRetry(policy, second.state, { kind: "contract", at: "people.search" }, 0)).toMatchObject({
      retry: false,
      attempt: 3,
      of: 3,
      reason: "attempts",
    });
  });

  it("treats answers garbled at different places, or apart, as the transport's, within the overall budget", () => {
    let state: RetryState | undefined;
    const places = ["people.search", "notes.search", "people.search", "people.calls", "notes.search", "people.show", "people.search"];
    for (const at of places) {
      const decision = decideRetry(policy, state, { kind: "contract", at }, 0);
      expect(decision.retry).toBe(true);
      state = decision.state;
    }
    expect(decideRetry(policy, state, { kind: "contract", at: "people.calls" }, 0)).toMatchObject({ retry: false, attempt: 8, of: 8 });

    const twice = decideRetry(policy, decideRetry(policy, undefined, { kind: "contract", at: "a" }, 0).state, { kind: "contract", at: "a" }, 0);
    const between = decideRetry(policy, twice.state, { kind: "transient" }, 0);
    expect(decideRetry(policy, between.state, { kind: "contract", at: "a" }, 0)).toMatchObject({ retry: true, state: { contract: 1 } });
  });

  it("stops retrying once the time window since the first failure has passed", () => {
    const decision = decideRetry(policy, { failures: 1, contract: 0, since: 0 }, { kind: "transient" }, policy.maxRetryWindowMs);
    expect(decision).toMatchObject({ retry: false, reason: "window" });
  });
});
