import { apiRoutes, routeUrl, type ExportLink } from "@lethe/contracts";
import { getRequest } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { createDownloadToken } from "../exports/download-links";
import { parseInput } from "../http/validation";

/** `POST /api/v1/requests/:id/export-link`: 409 export_unavailable until the bundle is written. */
export function postRequestExportLink(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postRequestExportLink.params, request.params);
    const row = await getRequest(context.db.db, id);
    if (!row) throw new ApiError(404, "not_found", `no request with id ${id}`);
    if (!row.exportPath) throw new ApiError(409, "export_unavailable", "this request has no export bundle (yet)");
    const expiresAt = new Date(Date.now() + context.downloadLinkTtlMs);
    const token = createDownloadToken(context.linkSigningKey, { requestId: id, actor: caller.actor, expiresAt });
    const link: ExportLink = { url: routeUrl(apiRoutes.getExport.path, { token }), expiresAt: expiresAt.toISOString() };
    response.status(201).json(link);
  };
}
