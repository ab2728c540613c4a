import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { vendorOf } from "../../../test/oracle";
import { sandbox } from "../index";
import { busiestWindow } from "./busiest-window";
import { CallTimes } from "./call-times";

const callTimesSchema = z.object({ times: z.array(z.number()), dropped: z.number() });

let running: RunningSandbox;

beforeAll(async () => {
  running = await sandbox.start({ seed: 3, rateLimitPerMinute: 2 });
});
afterAll(() => running.stop());

async function callTimes(): Promise<z.infer<typeof callTimesSchema>> {
  return callTimesSchema.parse(await (await fetch(`${running.url}/__sandbox/call-times`)).json());
}

describe("GET /__sandbox/call-times", () => {
  it("lists the arrival of every vendor call, throttled and unauthenticated ones too, and none of the oracle's", async () => {
    const before = Date.now();
    const vendor = vendorOf(running);
    const statuses = [(await vendor("/api/me")).status, (await vendor("/api/me")).status, (await vendor("/api/me")).status];
    const unauthenticated = await fetch(`${running.url}/api/me`);
    await fetch(`${running.url}/__sandbox/stats`);
    expect(statuses).toEqual([200, 200, 429]);
    expect(unauthenticated.status).toBe(401);

    const { times, dropped } = await callTimes();
    expect(dropped).toBe(0);
    expect(times).toHaveLength(4);
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(before);
      expect(time).toBeLessThanOrEqual(Date.now());
    }
  });

  it("starts again from nothing on reset", async () => {
    await vendorOf(running)("/api/me");
    await fetch(`${running.url}/__sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await callTimes()).times).toEqual([]);
  });
});

describe("CallTimes", () => {
  it("keeps the newest times past its capacity and counts the ones it dropped", () => {
    const times = new CallTimes(3);
    for (let ms = 1; ms <= 5; ms++) times.record(new Date(ms));
    expect(times.snapshot()).toEqual({ times: [3, 4, 5], dropped: 2 });
    times.clear();
    expect(times.snapshot()).toEqual({ times: [], dropped: 0 });
  });
});

describe("busiestWindow", () => {
  it("finds the most calls in any sliding window, the end of a window excluded", () => {
    // 0, 500 and 999 share [0, 1000); 1000 starts the next window, so [500, 1500) holds 500, 999, 1000, 1200.
    expect(busiestWindow([1200, 0, 999, 500, 1000, 5000], 1000)).toEqual({ calls: 4, startMs: 500 });
    expect(busiestWindow([0, 1000, 2000], 1000)).toEqual({ calls: 1, startMs: 0 });
    expect(busiestWindow([7, 7, 7], 1)).toEqual({ calls: 3, startMs: 7 });
  });

  it("answers no calls for no times and refuses a window that is not positive", () => {
    expect(busiestWindow([], 60_000).calls).toBe(0);
    expect(() => busiestWindow([1], 0)).toThrow(RangeError);
  });
});
