import type { RequestSummary } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { apiQueryOf, defaultInboxFilters, describeSla, filtersFromQuery, filtersToQuery, isFiltered, slaStateOf } from "./inbox-view-model";

const now = new Date("2026-03-10T12:00:00Z");

describe("the requests inbox view model", () => {
  it("reads the filters from a URL query and writes back only what differs from the default", () => {
    const filters = filtersFromQuery({ q: " alice@ ", status: "review", type: "erasure", regime: "gdpr", due: "overdue", sort: "due-asc", state: "open" });
    expect(filters).toEqual({ q: "alice@", state: "open", status: "review", type: "erasure", regime: "gdpr", due: "overdue", sort: "due-asc", cursor: null });
    expect(filtersToQuery(filters)).toEqual({ q: "alice@", state: "open", status: "review", type: "erasure", regime: "gdpr", due: "overdue", sort: "due-asc" });
    expect(filtersToQuery(defaultInboxFilters)).toEqual({});
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
  });

  it("falls back to the default for anything unknown in a hand-edited link", () => {
    expect(filtersFromQuery({ status: "lost", type: ["erasure", "access"], sort: "sideways", due: 3, cursor: "" })).toEqual({
      ...defaultInboxFilters,
      type: "erasure",
    });
  });

  it("asks the API for open requests due before now when only overdue ones are wanted", () => {
    expect(apiQueryOf({ ...defaultInboxFilters, due: "overdue", state: "closed" }, now, 50)).toEqual({
      limit: 50,
      sort: "received-desc",
      state: "open",
      dueBefore: "2026-03-10T12:00:00.000Z",
    });
    expect(apiQueryOf({ ...defaultInboxFilters, due: "due-soon" }, now, 50).dueBefore).toBe("2026-03-17T12:00:00.000Z");
  });

  it("passes search text, filters, order and the page's cursor through, and nothing for the defaults", () => {
    expect(apiQueryOf(defaultInboxFilters, now, 25)).toEqual({ limit: 25, sort: "received-desc" });
    expect(apiQueryOf({ ...defaultInboxFilters, q: "3f2a", status: "completed", state: "closed", sort: "due-desc", cursor: "abc" }, now, 25)).toEqual({
      limit: 25,
      q: "3f2a",
      status: "completed",
      state: "closed",
      sort: "due-desc",
      cursor: "abc",
    });
  });

  it("tells overdue, due soon, on time and closed apart, closed whatever its date", () => {
    const request = (status: RequestSummary["status"], daysLeft: number) => ({ status, daysLeft });
    expect(slaStateOf(request("executing", -1))).toBe("overdue");
    expect(slaStateOf(request("review", 0))).toBe("due-soon");
    expect(slaStateOf(request("review", 7))).toBe("due-soon");
    expect(slaStateOf(request("received", 8))).toBe("on-time");
    expect(slaStateOf(request("completed", -30))).toBe("closed");
    expect(describeSla(request("locating", -2))).toBe("Overdue · 2 days overdue");
    expect(describeSla(request("locating", 20))).toBe("On time · 20 days left");
    expect(describeSla(request("cancelled", 3))).toBe("Closed");
  });

  it("knows when a view is narrowed", () => {
    expect(isFiltered(defaultInboxFilters)).toBe(false);
    expect(isFiltered({ ...defaultInboxFilters, sort: "due-asc" })).toBe(false);
    expect(isFiltered({ ...defaultInboxFilters, q: "x" })).toBe(true);
  });
});
