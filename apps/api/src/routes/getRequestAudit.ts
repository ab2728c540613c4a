import { apiRoutes, type AuditEntryList } from "@lethe/contracts";
import { getRequest, listRequestAuditLog } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";

/** `GET /api/v1/requests/:id/audit` */
export function getRequestAudit(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getRequestAudit.params, request.params);
    if (!(await getRequest(context.db.db, id))) throw new ApiError(404, "not_found", `no request with id ${id}`);
    const rows = await listRequestAuditLog(context.db.db, id);
    const body: AuditEntryList = {
      entries: rows.map((row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        requestId: row.requestId,
        payload: row.payload,
        prevHash: row.prevHash,
        hash: row.hash,
      })),
    };
    response.json(body);
  };
}
