/**
 * Twilio's date filters on lists (`StartTime`, `DateSent`, `DateCreated`): `Name=` a day or an
 * instant, `Name>=` on or after, `Name<=` on or before. The `=` of `>=`/`<=` is the query's own
 * separator, so they arrive as keys `Name>` and `Name<` (what the spec lists). A bare date
 * (`2026-01-05`) stands for that whole UTC day.
 */
export interface DateFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  until?: Date;
}

const dayMs = 86_400_000;

/** The span a filter value stands for, or undefined if it is no date Twilio would take. */
function span(value: string): { start: Date; end: Date } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(start.getTime()) ? undefined : { start, end: new Date(start.getTime() + dayMs) };
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : { start: instant, end: new Date(instant.getTime() + 1000) };
}

/**
 * The filter a query asks for on `name`; a string naming the bad parameter when a value is not a
 * date (Twilio answers 400 for those).
 */
export function dateFilterOf(query: Record<string, unknown>, name: string): DateFilter | string {
  const filter: DateFilter = {};
  for (const [key, bound] of [
    [name, "on"],
    [`${name}>`, "after"],
    [`${name}<`, "before"],
  ] as const) {
    const raw = query[key];
    if (raw === undefined) continue;
    const parsed = typeof raw === "string" ? span(raw) : undefined;
    if (!parsed) return key;
    if (bound !== "before") filter.from = later(filter.from, parsed.start);
    if (bound !== "after") filter.until = earlier(filter.until, parsed.end);
  }
  return filter;
}

export function withinDateFilter(filter: DateFilter, date: Date): boolean {
  return (!filter.from || date >= filter.from) && (!filter.until || date < filter.until);
}

function later(current: Date | undefined, candidate: Date): Date {
  return current && current > candidate ? current : candidate;
}

function earlier(current: Date | undefined, candidate: Date): Date {
  return current && current < candidate ? current : candidate;
}
