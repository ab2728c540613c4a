import { apiRoutes, requestListSortSchema, terminalRequestStatuses, type RequestList, type RequestListSort } from "@lethe/contracts";
import { firstGivenIdentifiers, listDeadlineExtensions, maskIdentifier, searchRequests } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { z } from "zod";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toRequestSummary } from "../views/request-view";

/** A cursor names the order it continues (`s`), the last row's ordering value (`r`) and its id (`i`). */
const cursorPayload = z.object({ s: requestListSortSchema.optional(), r: z.iso.datetime(), i: z.uuid() }).strict();

const orders = {
  "received-desc": { by: "receivedAt", direction: "desc" },
  "received-asc": { by: "receivedAt", direction: "asc" },
  "due-asc": { by: "dueAt", direction: "asc" },
  "due-desc": { by: "dueAt", direction: "desc" },
} as const satisfies Record<RequestListSort, { by: "receivedAt" | "dueAt"; direction: "asc" | "desc" }>;

function encodeCursor(sort: RequestListSort, at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, r: at.toISOString(), i: id })).toString("base64url");
}

function decodeCursor(cursor: string, sort: RequestListSort): { at: Date; id: string } {
  const refuse = (message: string) =>
    new ApiError(400, "validation_failed", "invalid query: query.cursor", [{ path: "query.cursor", message }]);
  let parsed: z.infer<typeof cursorPayload>;
  try {
    parsed = cursorPayload.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw refuse("is not a cursor this API handed out");
  }
  // Cursors from before sorting existed continued the default order.
  if ((parsed.s ?? "received-desc") !== sort) throw refuse(`continues another order than ${sort}; start again without a cursor`);
  return { at: new Date(parsed.r), id: parsed.i };
}

/** `GET /api/v1/requests`: keyset pages in the order asked for (newest received first by default). */
export function getRequests(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getRequests.query, request.query);
    const order = orders[query.sort];
    const rows = await searchRequests(context.db.db, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.state ? { statuses: query.state === "open" ? { notIn: terminalRequestStatuses } : { in: terminalRequestStatuses } } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.regime ? { regime: query.regime } : {}),
      ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore) } : {}),
      ...(query.instanceId ? { instanceId: query.instanceId } : {}),
      ...(query.q ? { text: query.q } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor, query.sort) } : {}),
      order,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const now = new Date();
    const subjects = await firstGivenIdentifiers(context.db.db, page.map((row) => row.id));
    const requests = await Promise.all(
      page.map(async (row) => {
        const subject = subjects.get(row.id);
        return {
          ...toRequestSummary(row, await listDeadlineExtensions(context.db.db, row.id), now),
          // Once minimised the identifiers are keyed hashes: nothing to show.
          subject: subject && !row.minimisedAt ? maskIdentifier(subject.kind, subject.value) : null,
        };
      }),
    );
    const last = page.at(-1);
    const body: RequestList = {
      requests,
      nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last[order.by], last.id) : null,
    };
    response.json(body);
  };
}
