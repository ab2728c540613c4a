import {
  regimeSchema,
  requestListSortSchema,
  requestStatusSchema,
  requestTypeSchema,
  type ListRequestsQuery,
  type Regime,
  type RequestListSort,
  type RequestStatus,
  type RequestSummary,
  type RequestType,
} from "@lethe/contracts";
import { z } from "zod";
import { describeDaysLeft, dueSoonDays, urgencyOf } from "./dashboard-view-model";

/** Which deadlines the inbox narrows to; both mean open requests, since a closed one is not late. */
export const dueWindows = ["any", "overdue", "due-soon"] as const;
export type DueWindow = (typeof dueWindows)[number];

export const requestStates = ["all", "open", "closed"] as const;
export type RequestStateFilter = (typeof requestStates)[number];

/** The inbox's view: everything it shows is a function of these, and they live in the URL. */
export interface InboxFilters {
  q: string;
  state: RequestStateFilter;
  status: RequestStatus | null;
  type: RequestType | null;
  regime: Regime | null;
  due: DueWindow;
  sort: RequestListSort;
  /** The page: the API's cursor for it; null for the first. */
  cursor: string | null;
}

export const defaultInboxFilters: InboxFilters = {
  q: "",
  state: "all",
  status: null,
  type: null,
  regime: null,
  due: "any",
  sort: "received-desc",
  cursor: null,
};

/** The first text value of a route query entry (`?a=1&a=2` gives "1"); undefined otherwise. */
function firstText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

function parsedOr<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(firstText(value));
  return parsed.success ? parsed.data : fallback;
}

/**
 * The filters a URL's query names; anything unknown or malformed (a hand-edited link) falls back
 * to the default rather than failing the page.
 */
export function filtersFromQuery(query: Readonly<Record<string, unknown>>): InboxFilters {
  return {
    q: (firstText(query.q) ?? "").trim().slice(0, 200),
    state: parsedOr(z.enum(requestStates), query.state, defaultInboxFilters.state),
    status: parsedOr(requestStatusSchema.nullable(), query.status ?? null, null),
    type: parsedOr(requestTypeSchema.nullable(), query.type ?? null, null),
    regime: parsedOr(regimeSchema.nullable(), query.regime ?? null, null),
    due: parsedOr(z.enum(dueWindows), query.due, defaultInboxFilters.due),
    sort: parsedOr(requestListSortSchema, query.sort, defaultInboxFilters.sort),
    cursor: parsedOr(z.string().min(1).max(512).nullable(), query.cursor ?? null, null),
  };
}

/** The URL query for the filters: only what differs from the default, so links stay short. */
export function filtersToQuery(filters: InboxFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.q !== "") query.q = filters.q;
  if (filters.state !== defaultInboxFilters.state) query.state = filters.state;
  if (filters.status) query.status = filters.status;
  if (filters.type) query.type = filters.type;
  if (filters.regime) query.regime = filters.regime;
  if (filters.due !== defaultInboxFilters.due) query.due = filters.due;
  if (filters.sort !== defaultInboxFilters.sort) query.sort = filters.sort;
  if (filters.cursor) query.cursor = filters.cursor;
  return query;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The API query for the filters at `now`. "Overdue" asks for open requests due before now and
 * "due soon" for open requests due within `dueSoonDays` (overdue ones included): the API keeps due
 * dates as instants, the day count on each row is the organisation's calendar.
 */
export function apiQueryOf(filters: InboxFilters, now: Date, limit: number): ListRequestsQuery {
  const dueBefore =
    filters.due === "overdue" ? now : filters.due === "due-soon" ? new Date(now.getTime() + dueSoonDays * dayMs) : undefined;
  const state = dueBefore ? "open" : filters.state === "all" ? undefined : filters.state;
  return {
    limit,
    sort: filters.sort,
    ...(filters.q !== "" ? { q: filters.q } : {}),
    ...(state ? { state } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.regime ? { regime: filters.regime } : {}),
    ...(dueBefore ? { dueBefore: dueBefore.toISOString() } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export type SlaState = "overdue" | "due-soon" | "on-time" | "closed";

/** Where a request stands against its deadline (the dashboard's urgency, in the inbox's words). */
export function slaStateOf(request: Pick<RequestSummary, "status" | "daysLeft">): SlaState {
  const urgency = urgencyOf(request);
  return urgency === "on-track" ? "on-time" : urgency;
}

/** "Overdue · 2 days overdue", "Due soon · 3 days left", "On time · 20 days left", "Closed". */
export function describeSla(request: Pick<RequestSummary, "status" | "daysLeft">): string {
  const state = slaStateOf(request);
  const label = { overdue: "Overdue", "due-soon": "Due soon", "on-time": "On time", closed: "Closed" }[state];
  return state === "closed" ? label : `${label} · ${describeDaysLeft(request.daysLeft)}`;
}

/** Whether the view narrows the list at all (the empty-list message differs). */
export function isFiltered(filters: InboxFilters): boolean {
  return filters.q !== "" || filters.state !== "all" || filters.status !== null || filters.type !== null || filters.regime !== null || filters.due !== "any";
}
