import { describe, expect, it } from "vitest";
import { FixedWindowRateLimiter } from "./fixed-window-rate-limiter";

const at = (seconds: number) => new Date(Date.UTC(2024, 0, 1) + seconds * 1000);

describe("FixedWindowRateLimiter", () => {
  it("allows `limit` requests per key and window, counting down, then refuses until the window ends", () => {
    const limiter = new FixedWindowRateLimiter({ limit: 2 });
    expect(limiter.take("a", at(0))).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 60 });
    expect(limiter.take("a", at(10))).toEqual({ allowed: true, limit: 2, remaining: 0, resetSeconds: 50 });
    expect(limiter.take("a", at(59.5))).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1 });
    expect(limiter.take("b", at(20)).allowed).toBe(true);
    expect(limiter.take("a", at(60)).allowed).toBe(true);
  });

  it("honours another window length", () => {
    const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 600_000 });
    limiter.take("k", at(0));
    expect(limiter.take("k", at(300))).toMatchObject({ allowed: false, resetSeconds: 300 });
  });

  it("opens a new window when the clock is set back, and forgets every window on clear", () => {
    const limiter = new FixedWindowRateLimiter({ limit: 1 });
    limiter.take("k", at(100));
    expect(limiter.take("k", at(50)).allowed).toBe(true);
    expect(limiter.take("k", at(51)).allowed).toBe(false);
    limiter.clear();
    expect(limiter.take("k", at(52)).allowed).toBe(true);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new FixedWindowRateLimiter({ limit: 0 })).toThrow(/positive integer/);
    expect(() => new FixedWindowRateLimiter({ limit: 1.5 })).toThrow(/positive integer/);
    expect(() => new FixedWindowRateLimiter({ limit: 1, windowMs: 0 })).toThrow(/window/);
  });
});
