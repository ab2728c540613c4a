import type { Request } from "express";

/**
 * Twilio's list envelope: `{ <key>: [...], page, page_size, start, end, uri, first_page_uri,
 * next_page_uri, previous_page_uri }`. `PageSize` defaults to 50 (max 1000); the next page is
 * addressed by an opaque `PageToken` (here `PA` + the last SID served), with `Page` for the client's
 * own count. Items are served in SID order.
 */
export function listPage<T extends { sid: string }>(req: Request, key: string, items: readonly T[], toJson: (item: T) => Record<string, unknown>): Record<string, unknown> {
  const number = (value: unknown, fallback: number) => (typeof value === "string" ? Number.parseInt(value, 10) || fallback : fallback);
  const pageSize = Math.min(1000, Math.max(1, number(req.query.PageSize, 50)));
  const page = Math.max(0, number(req.query.Page, 0));
  const token = typeof req.query.PageToken === "string" && req.query.PageToken.startsWith("PA") ? req.query.PageToken.slice(2) : undefined;
  const sorted = [...items].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
  const from = token === undefined ? 0 : sorted.findIndex((item) => item.sid > token);
  const start = from === -1 ? sorted.length : from;
  const served = sorted.slice(start, start + pageSize);
  const path = req.path;
  const filters = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query)) {
    if (!["PageSize", "Page", "PageToken"].includes(name) && typeof value === "string") filters.append(name, value);
  }
  const uriOf = (pageNumber: number, pageToken?: string) => {
    const query = new URLSearchParams(filters);
    query.set("PageSize", String(pageSize));
    query.set("Page", String(pageNumber));
    if (pageToken) query.set("PageToken", pageToken);
    return `${path}?${query.toString()}`;
  };
  const last = served.at(-1);
  const more = start + pageSize < sorted.length && last !== undefined;
  return {
    [key]: served.map(toJson),
    page,
    page_size: pageSize,
    start: page * pageSize,
    end: page * pageSize + Math.max(0, served.length - 1),
    uri: uriOf(page, token === undefined ? undefined : `PA${token}`),
    first_page_uri: uriOf(0),
    next_page_uri: more ? uriOf(page + 1, `PA${last.sid}`) : null,
    previous_page_uri: page > 0 ? uriOf(page - 1) : null,
  };
}
