import { describe, expect, it } from "vitest";
import { SandboxClock } from "./sandbox-clock";

describe("SandboxClock", () => {
  it("follows real time until moved", () => {
    const clock = new SandboxClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  it("moves forward by an amount, to an instant, and back to real time", () => {
    const clock = new SandboxClock();
    clock.advance(30 * 24 * 3600_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(30 * 24 * 3600_000 - 50);
    clock.set(new Date("2030-01-01T00:00:00.000Z"));
    expect(clock.now().toISOString().startsWith("2030-01-01T00:00")).toBe(true);
    clock.advance(60_000);
    expect(clock.now().toISOString().startsWith("2030-01-01T00:01")).toBe(true);
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });
});
