import { describe, expect, it } from "vitest";
import { PollTimeoutError, pollUntil } from "./poll";

describe("pollUntil", () => {
  it("returns the first value that is there, asking again until then", async () => {
    let asked = 0;
    const value = await pollUntil("the third answer", async () => (++asked >= 3 ? { asked } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ asked: 3 });
  });

  it("returns the value `until` accepts, even a falsy one", async () => {
    let countdown = 3;
    expect(await pollUntil("zero", async () => --countdown, { until: (left) => left === 0, intervalMs: 1 })).toBe(0);
  });

  it("fails after its timeout naming what it waited for and the last value seen", async () => {
    const failure = await pollUntil("request r1 to reach review", async () => "executing", {
      until: (status) => status === "review",
      timeoutMs: 30,
      intervalMs: 5,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PollTimeoutError);
    expect(failure).toMatchObject({ what: "request r1 to reach review", lastSeen: "executing", timeoutMs: 30 });
    expect(String(failure)).toMatch(/timed out after 30 ms waiting for request r1 to reach review; last seen: 'executing'/);
  });
});
