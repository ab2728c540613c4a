import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clockNow,
  oracleError,
  oraclePeople,
  oracleRecords,
  oracleStats,
  readJson,
  resetAnswer,
  startToyVendor,
  type ToyVendor,
} from "../../test/toy-vendor";

let toy: ToyVendor;

beforeAll(async () => {
  toy = await startToyVendor({ seed: 4 });
});
afterAll(() => toy.stop());
beforeEach(async () => void (await toy.oracle("POST", "/reset", {})));

const peopleIds = async () => (await readJson(toy.oracle("GET", "/people"), oraclePeople)).people.map((person) => person.id);

describe("the oracle router", () => {
  it("lists the seeded people and a person's records from the sandbox's callbacks", async () => {
    expect(await peopleIds()).toEqual(["sub_4", "bys_4"]);
    expect(await readJson(toy.oracle("GET", "/people/sub_4/records"), oracleRecords)).toEqual({
      records: [
        { ref: { type: "thing", id: "thg_4a" }, store: "active", personalData: { name: "first" }, anonymised: false },
        { ref: { type: "thing", id: "thg_4b" }, store: "active", personalData: { name: "second" }, anonymised: false },
      ],
    });
  });

  it("answers POST /people with 404 in the oracle's envelope when the sandbox declares no people", async () => {
    const response = await toy.oracle("POST", "/people", { role: "subject", identifiers: [{ kind: "email", value: "a@example.com" }] });
    expect(response.status).toBe(404);
    expect((await readJson(response, oracleError)).error.code).toBe("not_found");
  });

  it("answers 404 in the oracle's envelope for a person never seeded", async () => {
    const response = await toy.oracle("GET", "/people/nobody/records");
    expect(response.status).toBe(404);
    expect((await readJson(response, oracleError)).error.code).toBe("not_found");
  });

  it("counts calls per route label and refusals in /stats", async () => {
    await toy.vendor("/things");
    await toy.vendor("/things/thg_4a");
    await fetch(`${toy.url}/file`);
    expect(await readJson(toy.oracle("GET", "/stats"), oracleStats)).toEqual({
      calls: { "GET /things": 1, "GET /things/:id": 1, "GET /file": 1 },
      deletions: {},
      throttled: 0,
      unauthorised: 1,
    });
  });

  it("arms faults with 201 and the armed list, disarms them all with DELETE", async () => {
    const armed = await toy.oracle("POST", "/faults", { route: "GET /file", kind: "status", status: 500, times: 3 });
    expect(armed.status).toBe(201);
    expect(await armed.json()).toEqual({ faults: [{ route: "GET /file", kind: "status", status: 500, times: 3 }] });
    expect((await toy.oracle("DELETE", "/faults")).status).toBe(204);
    expect((await toy.vendor("/file")).status).toBe(200);
  });

  it("injects random faults from POST /faults/random, shows them on GET /faults, and stops them with DELETE", async () => {
    const armed = await toy.oracle("POST", "/faults/random", { rate: 1, kinds: ["status"], statuses: [503], seed: 5 });
    expect(armed.status).toBe(201);
    expect(await armed.json()).toEqual({ random: { rate: 1, kinds: ["status"], statuses: [503], seed: 5, injected: 0 } });
    expect((await toy.vendor("/file")).status).toBe(503);
    expect(await (await toy.oracle("GET", "/faults")).json()).toMatchObject({ faults: [], random: { injected: 1 } });
    expect((await toy.oracle("POST", "/faults/random", { rate: 2, kinds: ["status"] })).status).toBe(400);
    expect((await toy.oracle("DELETE", "/faults")).status).toBe(204);
    expect((await toy.vendor("/file")).status).toBe(200);
    expect(await (await toy.oracle("GET", "/faults")).json()).toEqual({ faults: [], random: null });
  });

  it("rejects a fault that is not an OracleFault, and a body that is not JSON, with 400 and the oracle's envelope", async () => {
    const wrongKind = await toy.oracle("POST", "/faults", { route: "GET /file", kind: "explode" });
    expect(wrongKind.status).toBe(400);
    expect((await readJson(wrongKind, oracleError)).error).toMatchObject({ code: "invalid_request", issues: expect.any(Array) });
    const notJson = await toy.oracle("POST", "/faults", "{not json");
    expect(notJson.status).toBe(400);
    expect((await readJson(notJson, oracleError)).error.code).toBe("invalid_request");
  });

  it("moves the clock forward or to an instant, runs what time triggers, and rejects both at once", async () => {
    const set = await readJson(toy.oracle("POST", "/clock", { set: "2030-01-01T00:00:00.000Z" }), clockNow);
    expect(set.now.startsWith("2030-01-01T00:00")).toBe(true);
    const advanced = await readJson(toy.oracle("POST", "/clock", { advanceMs: 86_400_000 }), clockNow);
    expect(advanced.now.startsWith("2030-01-02T00:00")).toBe(true);
    expect(toy.clockMoves.at(-1)?.toISOString().startsWith("2030-01-02")).toBe(true);
    expect((await toy.oracle("POST", "/clock", { advanceMs: 1, set: "2030-01-01T00:00:00Z" })).status).toBe(400);
    expect((await toy.oracle("POST", "/clock", {})).status).toBe(400);
  });

  it("resets to the start seed or another, with the clock, faults and stats cleared", async () => {
    toy.deleteThing("thg_4a");
    await toy.oracle("POST", "/clock", { set: "2030-01-01T00:00:00.000Z" });
    await toy.oracle("POST", "/faults", { route: "*", kind: "status", status: 500 });
    await toy.vendor("/file");
    expect(await readJson(toy.oracle("POST", "/reset", { seed: 9 }), resetAnswer)).toEqual({ seed: 9, people: 2 });
    expect(await peopleIds()).toEqual(["sub_9", "bys_9"]);
    expect(Math.abs(toy.clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect((await toy.vendor("/file")).status).toBe(200);
    expect((await readJson(toy.oracle("GET", "/stats"), oracleStats)).calls).toEqual({ "GET /file": 1 });
    expect((await readJson(toy.oracle("POST", "/reset"), resetAnswer)).seed).toBe(4);
    expect((await readJson(toy.oracle("GET", "/people/sub_4/records"), oracleRecords)).records).toHaveLength(2);
    expect((await toy.oracle("POST", "/reset", { seed: "nine" })).status).toBe(400);
  });

  it("serves a sandbox's own oracle routes added to the router, with JSON bodies and the oracle's envelope", async () => {
    expect(await (await toy.oracle("POST", "/knob", { enabled: true })).json()).toEqual({ enabled: true });
    const refused = await toy.oracle("POST", "/knob", { enabled: "yes" });
    expect(refused.status).toBe(400);
    expect((await readJson(refused, oracleError)).error).toMatchObject({ code: "invalid_request", issues: expect.any(Array) });
  });
});
