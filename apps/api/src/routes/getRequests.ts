import { apiRoutes, type RequestList } from "@lethe/contracts";
import { listDeadlineExtensions, searchRequests } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { z } from "zod";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toRequestSummary } from "../views/request-view";

const cursorPayload = z.object({ r: z.iso.datetime(), i: z.uuid() }).strict();

function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ r: receivedAt.toISOString(), i: id })).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const parsed = cursorPayload.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { receivedAt: new Date(parsed.r), id: parsed.i };
  } catch {
    throw new ApiError(400, "validation_failed", "invalid query: query.cursor", [
      { path: "query.cursor", message: "is not a cursor this API handed out" },
    ]);
  }
}

/** `GET /api/v1/requests`: keyset pages, newest received first. */
export function getRequests(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getRequests.query, request.query);
    const rows = await searchRequests(context.db.db, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.regime ? { regime: query.regime } : {}),
      ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore) } : {}),
      ...(query.instanceId ? { instanceId: query.instanceId } : {}),
      ...(query.q ? { text: query.q } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const now = new Date();
    const requests = await Promise.all(
      page.map(async (row) => toRequestSummary(row, await listDeadlineExtensions(context.db.db, row.id), now)),
    );
    const last = page.at(-1);
    const body: RequestList = {
      requests,
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
    };
    response.json(body);
  };
}
