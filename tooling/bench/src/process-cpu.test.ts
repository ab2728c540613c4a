import { describe, expect, it } from "vitest";
import { parentPid, processCpu } from "./process-cpu";

describe("processCpu", () => {
  it("reads this process's CPU time from /proc, agreeing with process.cpuUsage", async () => {
    // Burn some CPU so the clock-tick resolution (10 ms) is small beside it.
    const until = Date.now() + 200;
    while (Date.now() < until) Math.sqrt(Math.random());
    const own = process.cpuUsage();
    const cpu = await processCpu(process.pid);
    expect(cpu).toBeDefined();
    const reported = (own.user + own.system) / 1_000;
    expect(cpu?.ownMs).toBeGreaterThan(reported * 0.8 - 50);
    expect(cpu?.ownMs).toBeLessThan(reported * 1.2 + 50);
  });

  it("is undefined for a process that does not exist", async () => {
    expect(await processCpu(2 ** 30)).toBeUndefined();
  });

  it("finds the parent pid", async () => {
    expect(await parentPid(process.pid)).toBe(process.ppid);
  });
});
