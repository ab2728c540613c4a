import type { Regime } from "../requests/request-vocabulary";
import {
  addCalendarDays,
  addCalendarMonths,
  assertTimeZone,
  calendarDaysBetween,
  endOfLocalDay,
  localDateAt,
  type LocalDate,
} from "./zoned-calendar";

/** A legal time limit as the law states it: in calendar months or calendar days. */
export interface DeadlinePeriod {
  unit: "month" | "day";
  amount: number;
}

/** GDPR Art. 12(3): one month. CCPA, Cal. Civ. Code §1798.130(a)(2): 45 calendar days. */
const responsePeriods: Readonly<Record<Regime, DeadlinePeriod>> = {
  gdpr: { unit: "month", amount: 1 },
  ccpa: { unit: "day", amount: 45 },
};

/** GDPR Art. 12(3): two further months. CCPA §1798.130(a)(2): once, by 45 more days. */
const extensionLimits: Readonly<Record<Regime, DeadlinePeriod>> = {
  gdpr: { unit: "month", amount: 2 },
  ccpa: { unit: "day", amount: 45 },
};

export function responsePeriod(regime: Regime): DeadlinePeriod {
  return { ...responsePeriods[regime] };
}

/**
 * How many separate grants the rule allows. The CCPA allows the 45 days "once"; the GDPR speaks of
 * a period that "may be extended by two further months", which may be granted in steps, each
 * notified within the first month.
 */
export function extensionGrantsAllowed(regime: Regime): number {
  return regime === "ccpa" ? 1 : Number.POSITIVE_INFINITY;
}

export function maxExtension(regime: Regime): DeadlinePeriod {
  return { ...extensionLimits[regime] };
}

export class InvalidExtensionError extends Error {
  constructor(
    readonly regime: Regime,
    readonly requested: DeadlinePeriod,
    readonly max: DeadlinePeriod,
    readonly reason:
      | "beyond_limit"
      | "unit_mismatch"
      | "not_a_positive_whole_number"
      | "notice_too_late"
      | "notice_before_receipt"
      | "already_extended",
  ) {
    const limit = `${max.amount} ${max.unit}s`;
    const problem = {
      beyond_limit: `it may be extended by at most ${limit}`,
      unit_mismatch: `its extensions are counted in ${max.unit}s`,
      not_a_positive_whole_number: "an extension is a positive whole number of days or months",
      notice_too_late: "the requester must be told of an extension before the original deadline passes",
      notice_before_receipt: "the requester cannot have been told of an extension before the request was received",
      already_extended: "it may be extended only once",
    }[reason];
    super(`A ${regime.toUpperCase()} deadline cannot be extended by ${requested.amount} ${requested.unit}(s): ${problem}.`);
    this.name = "InvalidExtensionError";
  }
}

export class InvalidReceivedAtError extends Error {
  constructor() {
    super("A request's time of receipt must be a valid date.");
    this.name = "InvalidReceivedAtError";
  }
}

export interface DeadlineInput {
  regime: Regime;
  /** When the organisation received the request (any channel); the clock starts here. */
  receivedAt: Date;
  /** The organisation's IANA time zone; calendar days and months are counted on its wall calendar. */
  timeZone: string;
}

function addPeriod(date: LocalDate, period: DeadlinePeriod): LocalDate {
  return period.unit === "month" ? addCalendarMonths(date, period.amount) : addCalendarDays(date, period.amount);
}

function localReceiptDate({ receivedAt, timeZone }: DeadlineInput): LocalDate {
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) throw new InvalidReceivedAtError();
  assertTimeZone(timeZone);
  return localDateAt(receivedAt.getTime(), timeZone);
}

/**
 * The last moment to answer: the end (23:59:59.999 local) of the day that closes the regime's
 * period, counted from the date of receipt on the organisation's calendar. GDPR: the same day next
 * month, or that month's last day if it is shorter. CCPA: 45 days after the day of receipt. The
 * day of receipt itself is not counted, and weekends and holidays do not move the date.
 */
export function computeDueDate(input: DeadlineInput): Date {
  return endOfLocalDay(addPeriod(localReceiptDate(input), responsePeriods[input.regime]), input.timeZone);
}

export interface ExtensionInput extends DeadlineInput {
  /** The whole extension granted so far (not an increment on top of an earlier one). */
  extension: DeadlinePeriod;
  /** When the requester is told of the extension and why; must be before the original deadline. */
  noticeAt: Date;
  /** Extensions granted before this one (default 0); the CCPA allows a single grant. */
  previousGrants?: number;
}

/**
 * The due date after an extension. The extension runs from the original due date, so a GDPR
 * request received on 31 January is due on 28 February and, fully extended, on 28 April — never
 * later than any reading of Art. 12(3). Throws `InvalidExtensionError` beyond
 * `maxExtension(regime)`, in the wrong unit, or when notice comes after the original deadline
 * (GDPR Art. 12(3): "within one month of receipt"; CCPA §1798.130(a)(2): "within the first 45 days").
 */
export function extendDueDate(input: ExtensionInput): Date {
  const { regime, extension } = input;
  const max = extensionLimits[regime];
  if ((input.previousGrants ?? 0) >= extensionGrantsAllowed(regime)) {
    throw new InvalidExtensionError(regime, extension, max, "already_extended");
  }
  if (!Number.isInteger(extension.amount) || extension.amount <= 0) {
    throw new InvalidExtensionError(regime, extension, max, "not_a_positive_whole_number");
  }
  if (extension.unit !== max.unit) throw new InvalidExtensionError(regime, extension, max, "unit_mismatch");
  if (extension.amount > max.amount) throw new InvalidExtensionError(regime, extension, max, "beyond_limit");
  const originalDue = addPeriod(localReceiptDate(input), responsePeriods[regime]);
  if (!(input.noticeAt.getTime() <= endOfLocalDay(originalDue, input.timeZone).getTime())) {
    throw new InvalidExtensionError(regime, extension, max, "notice_too_late");
  }
  if (input.noticeAt.getTime() < input.receivedAt.getTime()) {
    throw new InvalidExtensionError(regime, extension, max, "notice_before_receipt");
  }
  return endOfLocalDay(addPeriod(originalDue, extension), input.timeZone);
}

/**
 * Calendar days from `now` to the due date on the organisation's calendar: 0 on the due day itself,
 * negative once it has passed.
 */
export function daysLeft(input: { dueAt: Date; now: Date; timeZone: string }): number {
  assertTimeZone(input.timeZone);
  return calendarDaysBetween(
    localDateAt(input.now.getTime(), input.timeZone),
    localDateAt(input.dueAt.getTime(), input.timeZone),
  );
}
