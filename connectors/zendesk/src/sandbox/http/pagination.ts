import type { Request, Response } from "express";
import { sendInvalidAttribute } from "./zendesk-error";

/*
 * vendor-apis.md §2.4. With `page[size]` a list is cursor-paginated: `meta.has_more`,
 * `meta.after_cursor`, `links.next` (`page[after]=…`). Without it, offset: `page`, `per_page`
 * (≤ 100), `next_page`/`previous_page` as full URLs, and `count`; beyond the first 10,000 records
 * offset requests answer 400.
 */

export const maxPageSize = 100;
const offsetRecordLimit = 10_000;

export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? "127.0.0.1"}`;
}

/** Sends one page of `items` (already in the list's order) under `key`. */
export function sendList<T>(req: Request, res: Response, key: string, items: readonly T[], toJson: (item: T) => unknown): void {
  const query = req.query as Record<string, unknown>;
  const size = query["page[size]"];
  if (size !== undefined) {
    const pageSize = readInt(size, 1, maxPageSize);
    if (pageSize === undefined) return sendInvalidAttribute(res, `page[size] must be an integer from 1 to ${maxPageSize}`);
    const after = readCursor(query["page[after]"]);
    if (after === null) return sendInvalidAttribute(res, "page[after] is not a cursor this API returned");
    const start = after ?? 0;
    const slice = items.slice(start, start + pageSize);
    const hasMore = start + pageSize < items.length;
    const afterCursor = slice.length > 0 ? encodeCursor(start + slice.length) : null;
    const next = hasMore && afterCursor ? pageUrl(req, { "page[after]": afterCursor }, ["page"]) : null;
    res.status(200).json({
      [key]: slice.map(toJson),
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: slice.length > 0 ? encodeCursor(start) : null },
      links: { prev: start > 0 && slice.length > 0 ? pageUrl(req, { "page[before]": encodeCursor(start) }, ["page[after]"]) : null, next },
    });
    return;
  }
  const offset = readOffset(req, res);
  if (!offset) return;
  if ((offset.page - 1) * offset.perPage >= offsetRecordLimit) {
    res.status(400).json({ error: "InvalidPaginationParameter", description: "Offset pagination is limited to the first 10,000 records; use cursor pagination." });
    return;
  }
  const start = (offset.page - 1) * offset.perPage;
  const slice = items.slice(start, start + offset.perPage);
  res.status(200).json({
    [key]: slice.map(toJson),
    next_page: start + offset.perPage < items.length ? pageUrl(req, { page: String(offset.page + 1) }) : null,
    previous_page: offset.page > 1 ? pageUrl(req, { page: String(offset.page - 1) }) : null,
    count: items.length,
  });
}

export function readOffset(req: Request, res: Response): { page: number; perPage: number } | undefined {
  const query = req.query as Record<string, unknown>;
  const page = query.page === undefined ? 1 : readInt(query.page, 1, Number.MAX_SAFE_INTEGER);
  const perPage = query.per_page === undefined ? maxPageSize : readInt(query.per_page, 1, maxPageSize);
  if (page === undefined) {
    sendInvalidAttribute(res, "You passed an invalid value for the page attribute. Invalid parameter: page must be an integer");
    return undefined;
  }
  return { page, perPage: perPage ?? maxPageSize };
}

/** The request's own URL with some parameters replaced (and some dropped). */
export function pageUrl(req: Request, set: Record<string, string>, drop: string[] = []): string {
  const url = new URL(req.originalUrl, baseUrlOf(req));
  for (const name of drop) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(set)) url.searchParams.set(name, value);
  return url.toString();
}

export function readInt(raw: unknown, min: number, max: number): number | undefined {
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** undefined: no cursor; null: a cursor we did not issue. */
export function readCursor(raw: unknown): number | undefined | null {
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string") return null;
  const decoded = Buffer.from(raw, "base64url").toString("utf8");
  const match = /^o:(\d+)$/.exec(decoded);
  return match ? Number(match[1]) : null;
}

export function encodeCursor(position: number): string {
  return Buffer.from(`o:${position}`, "utf8").toString("base64url");
}
