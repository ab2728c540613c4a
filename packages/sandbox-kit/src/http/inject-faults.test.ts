import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oracleStats, readJson, startToyVendor, toyThings, type ToyVendor } from "../../test/toy-vendor";

let toy: ToyVendor;

beforeAll(async () => {
  toy = await startToyVendor({ limit: 100 });
});
afterAll(() => toy.stop());
beforeEach(async () => void (await toy.oracle("POST", "/reset", {})));

const inject = (fault: object) => toy.oracle("POST", "/faults", fault);

describe("injectFaults", () => {
  it("answers an injected status on its route only, `times` times, in the vendor's body, with Retry-After", async () => {
    await inject({ route: "GET /things", kind: "status", status: 503, retryAfterSeconds: 7, times: 2 });
    expect((await toy.vendor("/file")).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const response = await toy.vendor("/things");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(await response.json()).toEqual({ fault: { status: 503, text: "injected" } });
    }
    expect((await toy.vendor("/things")).status).toBe(200);
  });

  it("hits any vendor route with `*` but never the oracle, and counts an injected 429 as throttling", async () => {
    await inject({ route: "*", kind: "status", status: 429 });
    expect((await toy.oracle("GET", "/stats")).status).toBe(200);
    const throttled = await toy.vendor("/file");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
    expect((await readJson(toy.oracle("GET", "/stats"), oracleStats)).throttled).toBe(1);
    expect((await toy.vendor("/file")).status).toBe(200);
  });

  it("delays a slow route and then answers normally", async () => {
    await inject({ route: "GET /things", kind: "slow", delayMs: 300 });
    const started = Date.now();
    expect((await toy.vendor("/things")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("cuts a truncated JSON body in half, with a Content-Length that matches what is sent", async () => {
    await inject({ route: "GET /things", kind: "truncated" });
    const response = await toy.vendor("/things");
    const text = await response.text();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect((): unknown => JSON.parse(text)).toThrow();
    const whole = await (await toy.vendor("/things")).text();
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });

  it("truncates bytes too", async () => {
    await inject({ route: "GET /file", kind: "truncated" });
    expect(Buffer.from(await (await toy.vendor("/file")).arrayBuffer()).toString()).toBe("01234");
  });

  it("passes a successful JSON body through the vendor's malform", async () => {
    await inject({ route: "GET /things", kind: "malformed" });
    const body = await readJson(toy.vendor("/things"), toyThings);
    expect(body.items).toHaveLength(3);
    for (const thing of body.items) {
      expect(thing).not.toHaveProperty("createdAt");
      expect(thing.id).toEqual(expect.stringMatching(/^thg_/));
      expect(typeof thing.ownerId).toBe("number");
    }
  });

  it("leaves error answers alone under truncated and malformed faults", async () => {
    await inject({ route: "GET /things/:id", kind: "malformed" });
    await inject({ route: "GET /things/:id", kind: "truncated" });
    for (let i = 0; i < 2; i++) {
      expect(await (await toy.vendor("/things/nope")).json()).toEqual({ fault: { status: 404, text: "no such thing" } });
    }
  });
});
