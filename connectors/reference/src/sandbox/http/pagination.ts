import type { Request, Response } from "express";
import { sendVendorError } from "./vendor-error";

export const defaultPageSize = 20;
export const maxPageSize = 50;

/** A list item's position: [timestamp, id]. Lists are ordered by it, oldest first. */
export type SortKey = readonly [string, string];

/**
 * Sends one page of a list: `{ "data": [...], "next_cursor": "…" | null }`.
 *
 * Cursors are keyset cursors (the position of the last item sent), opaque to clients. Records
 * deleted while a client pages do not shift later pages, as they would with offsets.
 */
export function sendPage<T>(
  req: Request,
  res: Response,
  items: readonly T[],
  sortKey: (item: T) => SortKey,
  toJson: (item: T) => unknown,
): void {
  const limit = readLimit(req.query.limit);
  if (limit === undefined) {
    sendVendorError(res, 400, "invalid_request", `limit must be an integer from 1 to ${maxPageSize}.`);
    return;
  }
  const after = readCursor(req.query.cursor);
  if (after === null) {
    sendVendorError(res, 400, "invalid_request", "cursor is not a cursor this API returned.");
    return;
  }
  const ordered = [...items].sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  const remaining = after ? ordered.filter((item) => compareKeys(sortKey(item), after) > 0) : ordered;
  const data = remaining.slice(0, limit);
  const last = data.at(-1);
  const nextCursor = remaining.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null;
  res.status(200).json({ data: data.map(toJson), next_cursor: nextCursor });
}

function readLimit(raw: unknown): number | undefined {
  if (raw === undefined) return defaultPageSize;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= maxPageSize ? limit : undefined;
}

/** undefined: no cursor (first page); null: a cursor we did not issue. */
function readCursor(raw: unknown): SortKey | undefined | null {
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string") return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === "string")) {
      return [String(decoded[0]), String(decoded[1])];
    }
  } catch {
    // Falls through: not base64url JSON, so not one of ours.
  }
  return null;
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/* Plain code-unit order, not localeCompare: page boundaries must not depend on the host's locale. */
function compareKeys(a: SortKey, b: SortKey): number {
  const [left, right] = a[0] === b[0] ? [a[1], b[1]] : [a[0], b[0]];
  return left === right ? 0 : left < right ? -1 : 1;
}
