import { apiRoutes, type AuditLogPage } from "@lethe/contracts";
import { searchAuditEntries } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** The cursor is the insertion number of the last entry of the page before. */
function decodeCursor(cursor: string): number {
  const id = /^[1-9]\d{0,15}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    throw new ApiError(400, "validation_failed", "invalid query: query.cursor", [
      { path: "query.cursor", message: "is not a cursor this API handed out" },
    ]);
  }
  return id;
}

/** `GET /api/v1/audit`: newest first by insertion order; payloads as written (ids and counts, no identifiers). */
export function getAuditLog(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getAuditLog.query, request.query);
    const { entries, hasMore, actions } = await searchAuditEntries(context.db.db, {
      ...(query.requestId ? { requestId: query.requestId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
      ...(query.cursor ? { beforeId: decodeCursor(query.cursor) } : {}),
      limit: query.limit,
    });
    const last = entries.at(-1);
    const body: AuditLogPage = {
      entries: entries.map((entry) => ({
        id: entry.id,
        seq: entry.seq,
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        requestId: entry.requestId,
        payload: entry.payload,
        prevHash: entry.prevHash,
        hash: entry.hash,
      })),
      nextCursor: hasMore && last ? String(last.id) : null,
      actions,
    };
    response.json(body);
  };
}
