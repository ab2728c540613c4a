/**
 * Calendar dates in an IANA time zone, computed with the platform's Intl data (no date library).
 * Deadlines are calendar rules — "one month", "45 days" — applied to the date on the organisation's
 * wall calendar, so arithmetic happens on plain dates and only the final instant involves the zone.
 */

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export class InvalidTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not an IANA time zone (expected a name such as "Europe/Berlin").`);
    this.name = "InvalidTimeZoneError";
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  if (typeof timeZone !== "string" || timeZone.trim() === "") throw new InvalidTimeZoneError(String(timeZone));
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidTimeZoneError(timeZone);
    throw error;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws `InvalidTimeZoneError` unless the runtime knows `timeZone`. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The date a wall calendar in `timeZone` shows at `instant` (epoch milliseconds). */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  const date: LocalDate = { year: 0, month: 0, day: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === "year" || part.type === "month" || part.type === "day") date[part.type] = Number(part.value);
  }
  return date;
}

function dayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

function fromUtcMidnight(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(Date.UTC(date.year, date.month - 1, date.day + days));
}

/**
 * The same day `months` later; where that month is shorter, its last day (31 January + 1 month =
 * 28 or 29 February), as EU Regulation 1182/71 Art. 3(2)(c) counts periods expressed in months.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const firstOfTarget = fromUtcMidnight(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = fromUtcMidnight(Date.UTC(firstOfTarget.year, firstOfTarget.month, 0)).day;
  return { ...firstOfTarget, day: Math.min(date.day, lastDay) };
}

/**
 * The last millisecond whose wall-clock date in `timeZone` is `date` — normally 23:59:59.999 local.
 * Found by bisection on the instant where the wall date turns over, so it stays right where a DST
 * change happens at midnight (the next day then starts at 01:00) and where a zone skipped a whole
 * day (Pacific/Apia, 30 December 2011: the end of the day before it).
 */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const target = dayNumber(date);
  const nextUtcMidnight = (target + 1) * DAY_MS;
  // UTC offsets stay within ±16 h, so the wall date is ≤ `date` at `before` and > `date` at `after`.
  let before = nextUtcMidnight - 16 * HOUR_MS;
  let after = nextUtcMidnight + 16 * HOUR_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayNumber(localDateAt(middle, timeZone)) > target) after = middle;
    else before = middle;
  }
  return new Date(before);
}
