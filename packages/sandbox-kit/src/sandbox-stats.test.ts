import { describe, expect, it } from "vitest";
import { SandboxStats } from "./sandbox-stats";

describe("SandboxStats", () => {
  it("counts calls per label, deletions per type/id, throttles and refusals, and clears them", () => {
    const stats = new SandboxStats();
    stats.call("GET /a");
    stats.call("GET /a");
    stats.call("DELETE /a/:id");
    stats.purged("person", "p1");
    stats.purged("person", "p1");
    stats.throttle();
    stats.refuse();
    expect(stats.snapshot()).toEqual({ calls: { "GET /a": 2, "DELETE /a/:id": 1 }, deletions: { "person/p1": 2 }, throttled: 1, unauthorised: 1 });
    stats.clear();
    expect(stats.snapshot()).toEqual({ calls: {}, deletions: {}, throttled: 0, unauthorised: 0 });
  });

  it("hands out snapshots that later counts do not change", () => {
    const stats = new SandboxStats();
    const before = stats.snapshot();
    stats.call("GET /a");
    expect(before.calls).toEqual({});
  });
});
