import {
  requestStatuses,
  requestTypes,
  terminalRequestStatuses,
  type RequestStatus,
  type RequestSummary,
  type RequestType,
} from "@lethe/contracts";

/** Within this many calendar days of its due date an open request is "due soon". */
export const dueSoonDays = 7;

export type Urgency = "overdue" | "due-soon" | "on-track" | "closed";

export function isTerminal(status: RequestStatus): boolean {
  return (terminalRequestStatuses as readonly RequestStatus[]).includes(status);
}

export function urgencyOf(request: Pick<RequestSummary, "status" | "daysLeft">): Urgency {
  if (isTerminal(request.status)) return "closed";
  if (request.daysLeft < 0) return "overdue";
  if (request.daysLeft <= dueSoonDays) return "due-soon";
  return "on-track";
}

export interface DashboardModel {
  /** Open requests, soonest due first. */
  open: RequestSummary[];
  overdue: number;
  dueSoon: number;
  /** The open requests past their due date, most overdue first. */
  overdueRequests: RequestSummary[];
  /** The open requests due within `dueSoonDays`, soonest first. */
  dueSoonRequests: RequestSummary[];
  byStatus: Array<{ status: RequestStatus; count: number }>;
  byType: Array<{ type: RequestType; count: number }>;
}

export function dashboardModel(requests: RequestSummary[]): DashboardModel {
  const open = requests
    .filter((request) => !isTerminal(request.status))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.receivedAt.localeCompare(b.receivedAt));
  const count = <K extends string>(keys: readonly K[], keyOf: (r: RequestSummary) => K) =>
    keys.map((key) => ({ key, count: requests.filter((r) => keyOf(r) === key).length })).filter((entry) => entry.count > 0);
  const overdueRequests = open.filter((r) => urgencyOf(r) === "overdue");
  const dueSoonRequests = open.filter((r) => urgencyOf(r) === "due-soon");
  return {
    open,
    overdue: overdueRequests.length,
    dueSoon: dueSoonRequests.length,
    overdueRequests,
    dueSoonRequests,
    byStatus: count(requestStatuses, (r) => r.status).map(({ key, count }) => ({ status: key, count })),
    byType: count(requestTypes, (r) => r.type).map(({ key, count }) => ({ type: key, count })),
  };
}

/** "3 days left", "due today", "2 days overdue". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return "due today";
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? "" : "s"} overdue`;
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
}

/** `partially_completed` → `partially completed`. */
export function describeStatus(status: string): string {
  return status.replace(/_/g, " ");
}
