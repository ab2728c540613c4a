import { describe, expect, it } from "vitest";
import { dateFilterOf, withinDateFilter } from "./date-filter";

const at = (iso: string) => new Date(iso);

describe("Twilio's list date filters", () => {
  it("reads a bare date as that whole UTC day, and `>=`/`<=` (keys `Name>`/`Name<`) as inclusive of it", () => {
    const on = dateFilterOf({ StartTime: "2026-01-05" }, "StartTime");
    if (typeof on === "string") throw new Error(on);
    expect(withinDateFilter(on, at("2026-01-05T00:00:00Z"))).toBe(true);
    expect(withinDateFilter(on, at("2026-01-05T23:59:59Z"))).toBe(true);
    expect(withinDateFilter(on, at("2026-01-06T00:00:00Z"))).toBe(false);

    const between = dateFilterOf({ "DateSent>": "2026-01-05", "DateSent<": "2026-01-06" }, "DateSent");
    if (typeof between === "string") throw new Error(between);
    expect(withinDateFilter(between, at("2026-01-04T23:59:59Z"))).toBe(false);
    expect(withinDateFilter(between, at("2026-01-05T00:00:00Z"))).toBe(true);
    expect(withinDateFilter(between, at("2026-01-06T18:00:00Z"))).toBe(true);
    expect(withinDateFilter(between, at("2026-01-07T00:00:00Z"))).toBe(false);
  });

  it("bounds an instant to the second, as the twilio client sends it", () => {
    const after = dateFilterOf({ "StartTime>": "2026-01-05T12:00:00Z" }, "StartTime");
    if (typeof after === "string") throw new Error(after);
    expect(withinDateFilter(after, at("2026-01-05T11:59:59Z"))).toBe(false);
    expect(withinDateFilter(after, at("2026-01-05T12:00:00Z"))).toBe(true);
  });

  it("names the parameter whose value is no date, and ignores a query without the filter", () => {
    expect(dateFilterOf({ "StartTime<": "last week" }, "StartTime")).toBe("StartTime<");
    expect(dateFilterOf({ StartTime: ["2026-01-05", "2026-01-06"] }, "StartTime")).toBe("StartTime");
    expect(dateFilterOf({ To: "+15550100" }, "StartTime")).toEqual({});
  });
});
