import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oracleStats, readJson, startToyVendor, type ToyVendor } from "../../test/toy-vendor";

let toy: ToyVendor;

beforeAll(async () => {
  toy = await startToyVendor({ limit: 3 });
});
afterAll(() => toy.stop());
beforeEach(async () => void (await toy.oracle("POST", "/reset", {})));

describe("enforceRateLimit", () => {
  it("sends the vendor's headers on every answer and counts the budget down", async () => {
    const first = await toy.vendor("/things");
    expect(first.headers.get("toy-limit")).toBe("3");
    expect(first.headers.get("toy-left")).toBe("2");
    expect((await toy.vendor("/file")).headers.get("toy-left")).toBe("1");
  });

  it("answers 429 with Retry-After and the vendor's body once the window's budget is spent, counted as throttled", async () => {
    for (let i = 0; i < 3; i++) expect((await toy.vendor("/things")).status).toBe(200);
    const refused = await toy.vendor("/things");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("toy-left")).toBe("0");
    expect(await refused.json()).toEqual({ fault: { status: 429, text: "slow down" } });
    expect(await readJson(toy.oracle("GET", "/stats"), oracleStats)).toMatchObject({ throttled: 1, calls: { "GET /things": 4 } });
  });

  it("opens a new window when the sandbox clock passes the minute", async () => {
    for (let i = 0; i < 4; i++) await toy.vendor("/things");
    await toy.oracle("POST", "/clock", { advanceMs: 60_000 });
    expect((await toy.vendor("/things")).status).toBe(200);
  });

  it("spends no budget on requests refused before it, and clears its windows on reset", async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${toy.url}/things`)).status).toBe(401);
    for (let i = 0; i < 3; i++) await toy.vendor("/things");
    await toy.oracle("POST", "/reset", {});
    expect((await toy.vendor("/things")).status).toBe(200);
  });
});
