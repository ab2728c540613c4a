import { describe, expect, it } from "vitest";
import { jobGate, pausedRecheckMs } from "./job-gate";

const now = new Date("2026-03-01T10:00:00Z");

describe("whether a job may do its work", () => {
  it("runs only while the request is in the job's phase", () => {
    expect(jobGate("executing", "executing", now)).toEqual({ kind: "run" });
    expect(jobGate("locating", "executing", now)).toEqual({ kind: "drop" });
  });

  it("keeps a paused request's job for later", () => {
    expect(jobGate("paused", "locating", now)).toEqual({ kind: "recheck", at: new Date(now.getTime() + pausedRecheckMs) });
  });

  it.each(["cancelled", "completed", "review", null])("drops the job of a request that is %s", (status) => {
    expect(jobGate(status, "executing", now)).toEqual({ kind: "drop" });
  });
});
