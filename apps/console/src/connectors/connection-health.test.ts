import { describe, expect, it } from "vitest";
import { connectionHealth } from "./connection-health";

const now = new Date("2026-12-07T12:00:00Z");
const at = (iso: string) => iso;
const base = { enabled: true, pausedUntil: null, lastTest: null, lastUsedAt: null, lastOutcome: null, lastError: null } as const;
const test = (ok: boolean, checkedAt: string) => ({ ok, code: ok ? null : "auth", message: ok ? null : "401 from the vendor", checkedAt, durationMs: 40 });

describe("connection health", () => {
  it("is healthy after real work for a request, with no test ever run", () => {
    const health = connectionHealth({ ...base, lastUsedAt: "2026-12-07T10:00:00Z", lastOutcome: "ok" }, now, at);
    expect(health).toEqual({ state: "healthy", label: "working", basis: "Last used for a request 2026-12-07T10:00:00Z.", detail: null });
  });

  it("goes by whichever is more recent, the last test or the last real use", () => {
    const failedThenWorked = { ...base, lastTest: test(false, "2026-12-06T10:00:00Z"), lastUsedAt: "2026-12-07T10:00:00Z", lastOutcome: "ok" as const };
    expect(connectionHealth(failedThenWorked, now, at).state).toBe("healthy");
    const workedThenFailedTest = { ...base, lastTest: test(false, "2026-12-07T11:00:00Z"), lastUsedAt: "2026-12-07T10:00:00Z", lastOutcome: "ok" as const };
    expect(connectionHealth(workedThenFailedTest, now, at)).toMatchObject({ state: "failing", label: "failing: auth", detail: "401 from the vendor" });
  });

  it("shows a failed or retrying task's scrubbed error", () => {
    expect(connectionHealth({ ...base, lastUsedAt: "2026-12-07T10:00:00Z", lastOutcome: "failed", lastError: "vendor refused" }, now, at)).toMatchObject({
      state: "failing",
      detail: "vendor refused",
    });
    expect(connectionHealth({ ...base, lastUsedAt: "2026-12-07T10:00:00Z", lastOutcome: "retrying", lastError: "timeout" }, now, at).state).toBe("retrying");
  });

  it("says disabled or paused before anything else, and only while the pause lasts", () => {
    expect(connectionHealth({ ...base, enabled: false, lastTest: test(true, "2026-12-07T10:00:00Z") }, now, at).state).toBe("disabled");
    expect(connectionHealth({ ...base, pausedUntil: "2026-12-07T12:05:00Z" }, now, at).state).toBe("paused");
    expect(connectionHealth({ ...base, pausedUntil: "2026-12-07T11:55:00Z", lastTest: test(true, "2026-12-07T10:00:00Z") }, now, at).state).toBe("healthy");
  });

  it("is unknown, not 'not tested', when it was neither tested nor used", () => {
    expect(connectionHealth(base, now, at)).toMatchObject({ state: "unknown", label: "not used yet" });
  });
});
