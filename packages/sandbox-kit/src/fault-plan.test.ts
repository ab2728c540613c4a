import { describe, expect, it } from "vitest";
import { FaultPlan, oracleFaultSchema } from "./fault-plan";

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
