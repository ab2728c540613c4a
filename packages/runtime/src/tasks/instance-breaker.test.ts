import { describe, expect, it } from "vitest";
import { InstanceBreakers } from "./instance-breaker";

function breakers() {
  let now = 0;
  const instance = new InstanceBreakers({ failureThreshold: 3, coolDownMs: 1_000, now: () => now });
  return { instance, advance: (ms: number) => void (now += ms) };
}

describe("InstanceBreakers", () => {
  it("opens after the threshold of consecutive failures and holds jobs back until the cool-down ends", () => {
    const { instance, advance } = breakers();
    expect(instance.recordFailure("a")).toBe("closed");
    expect(instance.recordFailure("a")).toBe("closed");
    expect(instance.admit("a")).toEqual({ admitted: true, probe: false });
    expect(instance.recordFailure("a")).toBe("open");
    expect(instance.admit("a")).toEqual({ admitted: false, retryAt: new Date(1_000) });
    expect(instance.admit("b")).toEqual({ admitted: true, probe: false });
    advance(999);
    expect(instance.admit("a").admitted).toBe(false);
  });

  it("lets one probe through when half-open; its success closes the breaker", () => {
    const { instance, advance } = breakers();
    for (let i = 0; i < 3; i += 1) instance.recordFailure("a");
    advance(1_000);
    expect(instance.state("a")).toBe("half-open");
    expect(instance.admit("a")).toEqual({ admitted: true, probe: true });
    expect(instance.admit("a")).toEqual({ admitted: false, retryAt: new Date(2_000) });
    instance.recordSuccess("a");
    expect(instance.state("a")).toBe("closed");
    expect(instance.admit("a")).toEqual({ admitted: true, probe: false });
  });

  it("opens again at once when the probe fails, and lets another probe try if one never reports", () => {
    const { instance, advance } = breakers();
    for (let i = 0; i < 3; i += 1) instance.recordFailure("a");
    advance(1_000);
    expect(instance.admit("a").admitted).toBe(true);
    expect(instance.recordFailure("a")).toBe("open");
    expect(instance.openUntil("a")).toEqual(new Date(2_000));
    advance(1_000);
    expect(instance.admit("a")).toEqual({ admitted: true, probe: true });
    advance(1_000);
    expect(instance.admit("a")).toEqual({ admitted: true, probe: true });
  });

  it("forgets failures on a success, so only consecutive ones count", () => {
    const { instance } = breakers();
    instance.recordFailure("a");
    instance.recordFailure("a");
    instance.recordSuccess("a");
    instance.recordFailure("a");
    expect(instance.recordFailure("a")).toBe("closed");
  });
});
