import { describe, expect, it } from "vitest";
import { onTimeRate } from "./on-time-rate";
import { recentWeekStarts, weekMeasuredAt, weekStartOf } from "./reporting-weeks";

describe("reporting weeks", () => {
  it("starts a week on Monday 00:00 UTC, whatever the weekday and hour", () => {
    expect(weekStartOf(new Date("2026-12-07T17:45:00Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekStartOf(new Date("2026-12-13T23:59:59Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekStartOf(new Date("2026-12-06T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("lists the recent weeks oldest first, ending with the current one, across a year's end", () => {
    const starts = recentWeekStarts(new Date("2027-01-02T10:00:00Z"), 3).map((start) => start.toISOString());
    expect(starts).toEqual(["2026-12-14T00:00:00.000Z", "2026-12-21T00:00:00.000Z", "2026-12-28T00:00:00.000Z"]);
  });

  it("refuses a report of no weeks or part of a week", () => {
    expect(() => recentWeekStarts(new Date(), 0)).toThrow(RangeError);
    expect(() => recentWeekStarts(new Date(), 1.5)).toThrow(RangeError);
  });

  it("measures a past week at its end and the running week now", () => {
    const now = new Date("2026-12-09T12:00:00Z");
    expect(weekMeasuredAt(new Date("2026-11-30T00:00:00Z"), now).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekMeasuredAt(new Date("2026-12-07T00:00:00Z"), now).toISOString()).toBe(now.toISOString());
  });
});

describe("on-time rate", () => {
  it("is the share of closed requests closed by their due date", () => {
    expect(onTimeRate(4, 3)).toBe(0.75);
    expect(onTimeRate(2, 2)).toBe(1);
  });

  it("is null, not zero, when nothing was closed", () => {
    expect(onTimeRate(0, 0)).toBeNull();
  });

  it("refuses counts that cannot both be true", () => {
    expect(() => onTimeRate(1, 2)).toThrow(RangeError);
    expect(() => onTimeRate(-1, 0)).toThrow(RangeError);
  });
});
