import { describe, expect, it } from "vitest";
import { createLeasedTokens } from "./rate-limit-leases";

describe("a worker process's leased rate-limit tokens", () => {
  it("asks for twice as many each time a whole lease was spent, up to the largest lease", () => {
    const leased = createLeasedTokens({ leaseTtlMs: 1_000, maxLease: 8 });
    const sizes: number[] = [];
    for (let lease = 0; lease < 6; lease += 1) {
      const size = leased.nextLeaseSize();
      sizes.push(size);
      // The asker spends the first token; the others spend the rest before it expires.
      leased.hold(size - 1, 0);
      for (let token = 1; token < size; token += 1) expect(leased.spend(10)).toBe(true);
      expect(leased.spend(10)).toBe(false);
    }
    expect(sizes).toEqual([1, 2, 4, 8, 8, 8]);
  });

  it("spends no token past its expiry, and asks for less by what expired unspent", () => {
    const leased = createLeasedTokens({ leaseTtlMs: 1_000, maxLease: 32 });
    for (const size of [1, 2, 4, 8]) {
      expect(leased.nextLeaseSize()).toBe(size);
      leased.hold(size - 1, 0);
      while (leased.spend(0));
    }
    expect(leased.nextLeaseSize()).toBe(16);
    leased.hold(15, 5_000);
    expect(leased.spend(5_999)).toBe(true);
    expect(leased.spend(6_000)).toBe(false);
    expect(leased.nextLeaseSize()).toBe(2); // 16 − the 14 that expired
  });

  it("drops what it holds on a throttle and starts again from one token", () => {
    const leased = createLeasedTokens({ leaseTtlMs: 60_000, maxLease: 32 });
    leased.nextLeaseSize();
    leased.hold(0, 0);
    expect(leased.nextLeaseSize()).toBe(2);
    leased.hold(1, 0);
    leased.drop();
    expect(leased.spend(1)).toBe(false);
    expect(leased.nextLeaseSize()).toBe(1);
  });
});
