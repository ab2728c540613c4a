/**
 * The weeks the dashboard reports on. A week runs from Monday 00:00 UTC to the next Monday
 * (ISO 8601 weeks), the same for every viewer whatever their zone, so two people looking at the
 * same chart see the same counts.
 */

const dayMs = 24 * 60 * 60 * 1000;
export const weekMs = 7 * dayMs;

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  // getUTCDay: Sunday 0 … Saturday 6; Monday is the first day of an ISO week.
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * dayMs);
}

/** The starts of the `count` weeks up to and including the one `now` falls in, oldest first. */
export function recentWeekStarts(now: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`a report covers 1 or more whole weeks, not ${count}`);
  const current = weekStartOf(now).getTime();
  return Array.from({ length: count }, (_, index) => new Date(current - (count - 1 - index) * weekMs));
}

/**
 * The moment a week's counts are measured at: its end, or `now` for the week still running (an
 * open request is not overdue at a moment that has not come yet).
 */
export function weekMeasuredAt(weekStart: Date, now: Date): Date {
  const end = weekStart.getTime() + weekMs;
  return new Date(Math.min(end, now.getTime()));
}
