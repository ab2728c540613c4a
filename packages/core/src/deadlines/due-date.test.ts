import { describe, expect, it } from "vitest";
import {
  InvalidExtensionError,
  InvalidReceivedAtError,
  computeDueDate,
  daysLeft,
  extendDueDate,
  maxExtension,
} from "./due-date";
import { InvalidTimeZoneError } from "./zoned-calendar";

const utc = (iso: string) => new Date(iso);

describe("computeDueDate under the GDPR", () => {
  it("is due at the end of the same day next month on the organisation's calendar", () => {
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2025-03-09T10:15:00Z"), timeZone: "Europe/Paris" });
    // 9 April 2025, 23:59:59.999 in Paris (CEST, UTC+2)
    expect(due.toISOString()).toBe("2025-04-09T21:59:59.999Z");
  });

  it("falls on the last day of a shorter month: 31 January gives 28 February, or 29 in a leap year", () => {
    const in2025 = computeDueDate({ regime: "gdpr", receivedAt: utc("2025-01-31T12:00:00Z"), timeZone: "UTC" });
    const in2024 = computeDueDate({ regime: "gdpr", receivedAt: utc("2024-01-31T12:00:00Z"), timeZone: "UTC" });
    expect(in2025.toISOString()).toBe("2025-02-28T23:59:59.999Z");
    expect(in2024.toISOString()).toBe("2024-02-29T23:59:59.999Z");
  });

  it("counts from the local date of receipt, not the UTC date", () => {
    // 23:30 UTC on 31 January is already 1 February in Berlin, so the period runs to 1 March.
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2024-01-31T23:30:00Z"), timeZone: "Europe/Berlin" });
    expect(due.toISOString()).toBe("2024-03-01T22:59:59.999Z");
  });

  it("crosses a year end", () => {
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2024-12-15T09:00:00Z"), timeZone: "UTC" });
    expect(due.toISOString()).toBe("2025-01-15T23:59:59.999Z");
  });

  it("ends the day in the offset in force on the due date, across a spring-forward change", () => {
    // Received in winter time (GMT), due in summer time (BST, UTC+1).
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2025-03-15T09:00:00Z"), timeZone: "Europe/London" });
    expect(due.toISOString()).toBe("2025-04-15T22:59:59.999Z");
  });

  it("ends the day in the offset in force on the due date, across a fall-back change", () => {
    // Received in EDT (UTC-4), due in EST (UTC-5).
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2025-10-20T16:00:00Z"), timeZone: "America/New_York" });
    expect(due.toISOString()).toBe("2025-11-21T04:59:59.999Z");
  });

  it("ends at the true end of a day after which clocks spring forward at midnight", () => {
    // Chile moved to UTC-3 at 24:00 on 6 September 2025: the 6th ends at 23:59:59.999 UTC-4.
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2025-08-06T15:00:00Z"), timeZone: "America/Santiago" });
    expect(due.toISOString()).toBe("2025-09-07T03:59:59.999Z");
  });

  it("ends the day before a day the zone skipped", () => {
    // Samoa skipped 30 December 2011; a period ending that day ends with the 29th (UTC-10).
    const due = computeDueDate({ regime: "gdpr", receivedAt: utc("2011-11-30T00:00:00Z"), timeZone: "Pacific/Apia" });
    expect(due.toISOString()).toBe("2011-12-30T09:59:59.999Z");
  });
});

describe("computeDueDate under the CCPA", () => {
  it("is due at the end of the 45th calendar day after the day of receipt", () => {
    const due = computeDueDate({ regime: "ccpa", receivedAt: utc("2025-01-10T18:00:00Z"), timeZone: "America/Los_Angeles" });
    // 10 January + 45 days = 24 February, 23:59:59.999 PST (UTC-8)
    expect(due.toISOString()).toBe("2025-02-25T07:59:59.999Z");
  });

  it("counts calendar days through February in a leap year", () => {
    const due = computeDueDate({ regime: "ccpa", receivedAt: utc("2024-02-01T12:00:00Z"), timeZone: "UTC" });
    expect(due.toISOString()).toBe("2024-03-17T23:59:59.999Z");
  });

  it("keeps the end of the local day across a DST change", () => {
    // 1 March 2025 (PST) + 45 days = 15 April 2025 (PDT, UTC-7)
    const due = computeDueDate({ regime: "ccpa", receivedAt: utc("2025-03-01T20:00:00Z"), timeZone: "America/Los_Angeles" });
    expect(due.toISOString()).toBe("2025-04-16T06:59:59.999Z");
  });
});

describe("deadline inputs", () => {
  it("refuses an unknown time zone with a typed error", () => {
    expect(() => computeDueDate({ regime: "gdpr", receivedAt: utc("2025-01-01T00:00:00Z"), timeZone: "Mars/Olympus_Mons" })).toThrow(
      InvalidTimeZoneError,
    );
    expect(() => computeDueDate({ regime: "gdpr", receivedAt: utc("2025-01-01T00:00:00Z"), timeZone: "" })).toThrow(
      InvalidTimeZoneError,
    );
  });

  it("refuses an invalid time of receipt", () => {
    expect(() => computeDueDate({ regime: "ccpa", receivedAt: new Date(Number.NaN), timeZone: "UTC" })).toThrow(
      InvalidReceivedAtError,
    );
  });
});

describe("extensions", () => {
  const receivedAt = utc("2025-01-31T10:00:00Z");

  it("allows two further months under the GDPR and 45 days under the CCPA", () => {
    expect(maxExtension("gdpr")).toEqual({ unit: "month", amount: 2 });
    expect(maxExtension("ccpa")).toEqual({ unit: "day", amount: 45 });
  });

  it("extends a GDPR deadline from the original due date", () => {
    const noticeAt = utc("2025-02-20T10:00:00Z");
    const twoMonths = extendDueDate({ regime: "gdpr", receivedAt, timeZone: "UTC", extension: { unit: "month", amount: 2 }, noticeAt });
    const oneMonth = extendDueDate({ regime: "gdpr", receivedAt, timeZone: "UTC", extension: { unit: "month", amount: 1 }, noticeAt });
    // Due 28 February; + 2 months = 28 April; + 1 month = 28 March.
    expect(twoMonths.toISOString()).toBe("2025-04-28T23:59:59.999Z");
    expect(oneMonth.toISOString()).toBe("2025-03-28T23:59:59.999Z");
  });

  it("extends a CCPA deadline to 90 days after receipt", () => {
    const due = extendDueDate({
      regime: "ccpa",
      receivedAt: utc("2025-01-10T18:00:00Z"),
      timeZone: "America/Los_Angeles",
      extension: { unit: "day", amount: 45 },
      noticeAt: utc("2025-02-01T00:00:00Z"),
    });
    // 10 January + 90 days = 10 April, 23:59:59.999 PDT (UTC-7)
    expect(due.toISOString()).toBe("2025-04-11T06:59:59.999Z");
  });

  it.each([
    ["beyond the limit", "gdpr", { unit: "month", amount: 3 }, "beyond_limit"],
    ["in days for the GDPR", "gdpr", { unit: "day", amount: 30 }, "unit_mismatch"],
    ["beyond 45 days for the CCPA", "ccpa", { unit: "day", amount: 46 }, "beyond_limit"],
    ["by a fraction", "ccpa", { unit: "day", amount: 1.5 }, "not_a_positive_whole_number"],
    ["by nothing", "gdpr", { unit: "month", amount: 0 }, "not_a_positive_whole_number"],
  ] as const)("refuses an extension %s", (_, regime, extension, reason) => {
    const attempt = () =>
      extendDueDate({ regime, receivedAt, timeZone: "UTC", extension, noticeAt: utc("2025-02-01T00:00:00Z") });
    expect(attempt).toThrow(InvalidExtensionError);
    expect(attempt).toThrow(expect.objectContaining({ reason }));
  });

  it("refuses a second CCPA extension, even within the 45 days, but lets a GDPR extension be granted in steps", () => {
    const ccpa = { regime: "ccpa" as const, receivedAt, timeZone: "UTC", noticeAt: utc("2025-02-01T00:00:00Z") };
    expect(() => extendDueDate({ ...ccpa, extension: { unit: "day", amount: 40 }, previousGrants: 1 })).toThrow(
      expect.objectContaining({ reason: "already_extended" }),
    );
    expect(extendDueDate({ ...ccpa, extension: { unit: "day", amount: 20 }, previousGrants: 0 }).toISOString()).toBe("2025-04-06T23:59:59.999Z");
    const gdpr = { regime: "gdpr" as const, receivedAt, timeZone: "UTC", noticeAt: utc("2025-02-20T10:00:00Z") };
    expect(extendDueDate({ ...gdpr, extension: { unit: "month", amount: 2 }, previousGrants: 1 }).toISOString()).toBe("2025-04-28T23:59:59.999Z");
  });

  it("refuses a notice dated before the request was received", () => {
    const attempt = () =>
      extendDueDate({ regime: "gdpr", receivedAt, timeZone: "UTC", extension: { unit: "month", amount: 1 }, noticeAt: utc("2025-01-30T00:00:00Z") });
    expect(attempt).toThrow(expect.objectContaining({ reason: "notice_before_receipt" }));
  });

  it("refuses an extension notified after the original deadline has passed", () => {
    const attempt = () =>
      extendDueDate({
        regime: "gdpr",
        receivedAt,
        timeZone: "UTC",
        extension: { unit: "month", amount: 2 },
        noticeAt: utc("2025-03-01T00:00:00Z"),
      });
    expect(attempt).toThrow(expect.objectContaining({ reason: "notice_too_late" }));
  });
});

describe("daysLeft", () => {
  const dueAt = utc("2025-04-09T21:59:59.999Z"); // end of 9 April in Paris

  it("counts calendar days on the organisation's calendar, 0 on the due day and negative after", () => {
    expect(daysLeft({ dueAt, now: utc("2025-04-01T08:00:00Z"), timeZone: "Europe/Paris" })).toBe(8);
    expect(daysLeft({ dueAt, now: utc("2025-04-09T21:00:00Z"), timeZone: "Europe/Paris" })).toBe(0);
    expect(daysLeft({ dueAt, now: utc("2025-04-09T22:30:00Z"), timeZone: "Europe/Paris" })).toBe(-1);
  });
});
