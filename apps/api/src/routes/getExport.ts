import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { apiRoutes } from "@lethe/contracts";
import { getRequest, recordExportDownload } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { readDownloadToken } from "../exports/download-links";
import { parseInput } from "../http/validation";

/**
 * `GET /api/v1/exports/:token`: the signed link is the authorisation (it was handed to a caller
 * allowed to download, and expires in minutes). Streams the zip; each download is audited.
 */
export function getExport(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { token } = parseInput("params", apiRoutes.getExport.params, request.params);
    const grant = readDownloadToken(context.linkSigningKey, token, new Date());
    if (!grant) throw new ApiError(401, "invalid_download_link", "the download link is invalid or has expired");
    const row = await getRequest(context.db.db, grant.requestId);
    if (!row?.exportPath) throw new ApiError(404, "not_found", "the export bundle no longer exists");
    const file = await stat(row.exportPath).catch(() => null);
    if (!file?.isFile()) throw new ApiError(404, "not_found", "the export bundle no longer exists");
    await recordExportDownload(context.db, { requestId: row.id, sha256: row.exportSha256, actor: grant.actor });
    response.set({
      "Content-Type": "application/zip",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="lethe-export-${row.id}.zip"`,
    });
    await pipeline(createReadStream(row.exportPath), response);
  };
}
