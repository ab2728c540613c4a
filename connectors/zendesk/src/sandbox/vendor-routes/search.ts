import type { Request, RequestHandler } from "express";
import { baseUrlOf, pageUrl, readInt, readOffset, sendList } from "../http/pagination";
import { sendInvalidAttribute, sendRecordInvalid } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { parseQuery, search, type SearchHit } from "../world/search-engine";
import { ticketJson, userJson } from "../world/json-shapes";

/** vendor-apis.md §2.2 Z1: offset only, ≤ 100 per page, never past the 1,000th result. */
export const searchResultCap = 1_000;
/** Z2: export cursors expire after an hour. */
const exportCursorLifetimeMs = 60 * 60 * 1000;

/** `GET /api/v2/search.json?query=…` (Z1). */
export function getSearch(state: SandboxState): RequestHandler {
  return (req, res) => {
    const query = req.query as Record<string, unknown>;
    if (query["page[size]"] !== undefined) {
      return sendInvalidAttribute(res, "You passed an invalid value for the page attribute. Invalid parameter: page must be an integer from api/v2/search/index");
    }
    const text = typeof query.query === "string" ? query.query : "";
    const offset = readOffset(req, res);
    if (!offset) return;
    const start = (offset.page - 1) * offset.perPage;
    if (start + offset.perPage > searchResultCap) {
      return sendRecordInvalid(res, "base", `Search results are limited to ${searchResultCap}; narrow the query or use the export search`, "InvalidPaginationParameter");
    }
    const hits = search(state.store, parseQuery(text));
    const slice = hits.slice(start, start + offset.perPage);
    const last = Math.min(hits.length, searchResultCap);
    res.status(200).json({
      results: slice.map((hit) => hitJson(state, req, hit)),
      facets: null,
      next_page: start + offset.perPage < last ? pageUrl(req, { page: String(offset.page + 1) }) : null,
      previous_page: offset.page > 1 ? pageUrl(req, { page: String(offset.page - 1) }) : null,
      count: hits.length,
    });
  };
}

/** `GET /api/v2/search/export?query=…&filter[type]=…&page[size]=…` (Z2): cursor only, no cap. */
export function getSearchExport(state: SandboxState): RequestHandler {
  return (req, res) => {
    const query = req.query as Record<string, unknown>;
    const type = query["filter[type]"];
    if (type !== "user" && type !== "ticket" && type !== "organization" && type !== "group") {
      return sendInvalidAttribute(res, "filter[type] is required: one of ticket, user, organization, group");
    }
    const text = typeof query.query === "string" ? query.query : "";
    if (/(^|\s)-?type:/i.test(text.replace(/"[^"]*"?/g, " "))) return sendInvalidAttribute(res, "type is not a valid search term for export; use filter[type]");
    const size = query["page[size]"] === undefined ? 100 : readInt(query["page[size]"], 1, 1000);
    if (size === undefined) return sendInvalidAttribute(res, "page[size] must be an integer from 1 to 1000");
    const cursor = readExportCursor(query["page[after]"], state.now());
    if (cursor === null) return sendInvalidAttribute(res, "page[after] is not a valid cursor, or it has expired");
    const hits = type === "user" || type === "ticket" ? search(state.store, parseQuery(text), type) : [];
    const start = cursor ?? 0;
    const slice = hits.slice(start, start + size);
    const hasMore = start + size < hits.length;
    const after = hasMore ? exportCursor(start + size, state.now()) : null;
    res.status(200).json({
      results: slice.map((hit) => hitJson(state, req, hit)),
      meta: { has_more: hasMore, after_cursor: after, before_cursor: null },
      links: { prev: null, next: after ? pageUrl(req, { "page[after]": after }) : null },
    });
  };
}

/** `GET /api/v2/users/search?query=…` (Z4): users only, offset pagination. */
export function getUsersSearch(state: SandboxState): RequestHandler {
  return (req, res) => {
    const query = req.query as Record<string, unknown>;
    const text = typeof query.query === "string" ? query.query : "";
    const hits = query.external_id !== undefined ? [] : search(state.store, parseQuery(text), "user");
    sendList(req, res, "users", hits, (hit) => hitJson(state, req, hit));
  };
}

function hitJson(state: SandboxState, req: Request, hit: SearchHit): Record<string, unknown> {
  const base = baseUrlOf(req);
  if (hit.type === "user") {
    const user = state.store.users.get(hit.id);
    if (!user) return { id: hit.id, result_type: "user" };
    return { ...userJson(base, user.row, state.store.identitiesOf(hit.id), user.active), result_type: "user" };
  }
  const ticket = state.store.tickets.get(hit.id);
  if (!ticket) return { id: hit.id, result_type: "ticket" };
  return { ...ticketJson(base, ticket, state.store.commentsOf(ticket.id)[0]?.body ?? null), result_type: "ticket" };
}

function exportCursor(position: number, now: number): string {
  return Buffer.from(JSON.stringify([position, now]), "utf8").toString("base64url");
}

function readExportCursor(raw: unknown, now: number): number | undefined | null {
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string") return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && typeof decoded[0] === "number" && typeof decoded[1] === "number") {
      return now - decoded[1] > exportCursorLifetimeMs ? null : decoded[0];
    }
  } catch {
    // Not one of ours.
  }
  return null;
}
