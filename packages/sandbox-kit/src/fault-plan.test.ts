import { describe, expect, it } from "vitest";
import { FaultPlan, oracleFaultSchema, oracleRandomFaultsSchema } from "./fault-plan";

describe("FaultPlan", () => {
  it("hits only its route, `times` times, then disarms", () => {
    const plan = new FaultPlan();
    plan.add({ route: "GET /a", kind: "status", status: 503, times: 2 });
    expect(plan.take("GET /b")).toBeUndefined();
    expect(plan.take("GET /a")).toMatchObject({ status: 503 });
    expect(plan.pending()).toEqual([{ route: "GET /a", kind: "status", status: 503, times: 1 }]);
    expect(plan.take("GET /a")).toMatchObject({ status: 503 });
    expect(plan.take("GET /a")).toBeUndefined();
    expect(plan.pending()).toEqual([]);
  });

  it("fires once by default, `*` on any route, in the order faults were added", () => {
    const plan = new FaultPlan();
    plan.add({ route: "*", kind: "slow", delayMs: 10 });
    plan.add({ route: "GET /a", kind: "truncated" });
    expect(plan.take("GET /a")?.kind).toBe("slow");
    expect(plan.take("GET /a")?.kind).toBe("truncated");
    expect(plan.take("DELETE /z")).toBeUndefined();
  });

  it("forgets everything on clear", () => {
    const plan = new FaultPlan();
    plan.add({ route: "*", kind: "malformed", times: 9 });
    plan.clear();
    expect(plan.take("GET /a")).toBeUndefined();
  });
});

describe("FaultPlan random faults", () => {
  const kindsOf = (plan: FaultPlan, requests: number) =>
    Array.from({ length: requests }, () => plan.take("GET /a")?.kind ?? "none");

  it("hits about `rate` of the requests with every kind asked for, the same sequence for the same seed", () => {
    const plan = new FaultPlan();
    plan.randomize({ rate: 0.2, kinds: ["status", "slow", "truncated", "malformed"], seed: 7 });
    const first = kindsOf(plan, 2_000);
    const hit = first.filter((kind) => kind !== "none").length;
    expect(hit).toBeGreaterThan(320);
    expect(hit).toBeLessThan(480);
    for (const kind of ["status", "slow", "truncated", "malformed"]) expect(first).toContain(kind);
    expect(plan.randomFaults()?.injected).toBe(hit);

    plan.randomize({ rate: 0.2, kinds: ["status", "slow", "truncated", "malformed"], seed: 7 });
    expect(kindsOf(plan, 2_000)).toEqual(first);
    plan.randomize({ rate: 0.2, kinds: ["status", "slow", "truncated", "malformed"], seed: 8 });
    expect(kindsOf(plan, 2_000)).not.toEqual(first);
  });

  it("answers statuses from the list given, with Retry-After only on 429 and 503, and its own delay", () => {
    const plan = new FaultPlan();
    plan.randomize({ rate: 1, kinds: ["status"], statuses: [429, 500], retryAfterSeconds: 2, seed: 3 });
    const faults = Array.from({ length: 50 }, () => plan.take("GET /a"));
    expect(new Set(faults.map((fault) => (fault?.kind === "status" ? fault.status : 0)))).toEqual(new Set([429, 500]));
    for (const fault of faults) {
      if (fault?.kind !== "status") throw new Error("expected a status fault");
      expect(fault.retryAfterSeconds).toBe(fault.status === 429 ? 2 : undefined);
    }
    plan.randomize({ rate: 1, kinds: ["slow"], delayMs: 40 });
    expect(plan.take("GET /a")).toEqual({ route: "GET /a", kind: "slow", delayMs: 40 });
  });

  it("lets armed faults go first, keeps to its route, and stops on clear", () => {
    const plan = new FaultPlan();
    plan.randomize({ rate: 1, kinds: ["malformed"], route: "GET /a" });
    plan.add({ route: "*", kind: "status", status: 401 });
    expect(plan.take("GET /a")?.kind).toBe("status");
    expect(plan.take("GET /a")?.kind).toBe("malformed");
    expect(plan.take("GET /b")).toBeUndefined();
    plan.clear();
    expect(plan.take("GET /a")).toBeUndefined();
    expect(plan.randomFaults()).toBeUndefined();
  });

  it("checks random specs at the door", () => {
    expect(oracleRandomFaultsSchema.safeParse({ rate: 0.2, kinds: ["status", "truncated"], seed: 1 }).success).toBe(true);
    for (const spec of [
      { rate: 1.5, kinds: ["status"] },
      { rate: 0.2, kinds: [] },
      { rate: 0.2, kinds: ["explode"] },
      { rate: 0.2, kinds: ["status"], statuses: [200] },
    ]) {
      expect(oracleRandomFaultsSchema.safeParse(spec).success).toBe(false);
    }
  });
});

describe("oracleFaultSchema", () => {
  it("accepts every OracleFault kind and refuses unknown kinds, bad statuses and empty routes", () => {
    for (const fault of [
      { route: "*", kind: "status", status: 429, retryAfterSeconds: 1 },
      { route: "GET /a", kind: "slow", delayMs: 0, times: 3 },
      { route: "GET /a", kind: "truncated" },
      { route: "GET /a", kind: "malformed" },
    ]) {
      expect(oracleFaultSchema.safeParse(fault).success).toBe(true);
    }
    for (const fault of [
      { route: "GET /a", kind: "explode" },
      { route: "GET /a", kind: "status", status: 200 },
      { route: "", kind: "truncated" },
      { route: "GET /a", kind: "malformed", times: 0 },
    ]) {
      expect(oracleFaultSchema.safeParse(fault).success).toBe(false);
    }
  });
});
