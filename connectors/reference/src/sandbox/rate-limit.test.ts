import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oracleOf, vendorOf, type Oracle } from "../../test/oracle";
import { sandbox } from "./index";

let running: RunningSandbox;
let oracle: Oracle;
let vendor: ReturnType<typeof vendorOf>;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 3 });
  oracle = oracleOf(running);
  vendor = vendorOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

/* Windows and clock moves are tested in @lethe/sandbox-kit; these pin Reference CRM's headers, body and default. */
describe("the rate limit", () => {
  it("reports the budget on every answer and counts it down", async () => {
    const first = await vendor("/api/me");
    expect(first.headers.get("x-ratelimit-limit")).toBe("3");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    expect((await vendor("/api/me")).headers.get("x-ratelimit-remaining")).toBe("1");
  });

  it("answers 429 with Retry-After once the minute's budget is spent", async () => {
    for (let i = 0; i < 3; i++) expect((await vendor("/api/me")).status).toBe(200);
    const refused = await vendor("/api/me");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    expect((await oracle.stats()).throttled).toBe(1);
  });

  it("spends no budget on refused credentials and never limits the oracle", async () => {
    for (let i = 0; i < 5; i++) await fetch(`${running.url}/api/me`, { headers: { authorization: "Bearer wrong" } });
    for (let i = 0; i < 5; i++) await oracle.stats();
    expect((await vendor("/api/me")).status).toBe(200);
  });

  it("defaults to the vendor's documented 600 requests per minute", async () => {
    const vendorDefault = await sandbox.start({ seed: 1 });
    try {
      const response = await vendorOf(vendorDefault)("/api/me");
      expect(response.headers.get("x-ratelimit-limit")).toBe("600");
    } finally {
      await vendorDefault.stop();
    }
  });
});
