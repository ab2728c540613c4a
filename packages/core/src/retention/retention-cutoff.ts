import { parse, type Duration } from "tinyduration";

export class InvalidRetentionPeriodError extends Error {
  readonly code = "invalid_retention_period";
  constructor(readonly period: string) {
    super(`"${period}" is not a positive ISO 8601 duration such as P90D, P2Y or P1Y6M`);
    this.name = "InvalidRetentionPeriodError";
  }
}

/** The period as tinyduration reads it; a negative, zero or malformed one is refused. */
export function readRetentionPeriod(period: string): Duration {
  let duration: Duration;
  try {
    duration = parse(period);
  } catch {
    throw new InvalidRetentionPeriodError(period);
  }
  const calendar = [duration.years, duration.months, duration.weeks, duration.days, duration.hours, duration.minutes];
  const positive = [...calendar, duration.seconds].some((part) => (part ?? 0) > 0);
  // Only seconds may be fractional: "half a month" has no calendar meaning.
  const whole = calendar.every((part) => part === undefined || Number.isInteger(part));
  if (duration.negative || !positive || !whole) throw new InvalidRetentionPeriodError(period);
  return duration;
}

export function isRetentionPeriod(period: string): boolean {
  try {
    readRetentionPeriod(period);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant before which a record is past its period at `now`: `now` minus the period, in UTC
 * calendar arithmetic — years and months step the calendar (31 March less a month is 3 March, as
 * Date rolls 31 February over, so a record is never kept a day short), weeks and days are 24-hour
 * days, and the rest plain time.
 */
export function retentionCutoff(now: Date, period: string): Date {
  const duration = readRetentionPeriod(period);
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - (duration.years ?? 0));
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (duration.months ?? 0));
  const days = (duration.weeks ?? 0) * 7 + (duration.days ?? 0);
  const seconds = ((days * 24 + (duration.hours ?? 0)) * 60 + (duration.minutes ?? 0)) * 60 + (duration.seconds ?? 0);
  return new Date(cutoff.getTime() - Math.round(seconds * 1000));
}
