import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { apiRoutes, roleAllows, roleSchema } from "@lethe/contracts";
import { actorStanding, getRequest, recordExportDownload } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { readDownloadToken } from "../exports/download-links";
import { parseInput } from "../http/validation";

/**
 * `GET /api/v1/exports/:token`: the signed link is the authorisation (it was handed to a caller
 * allowed to download, and expires in minutes) as long as whoever minted it still may download:
 * a link minted by a token revoked since, or by a user disabled since, is 401 (issue 13). Streams
 * the zip; each download is audited.
 */
export function getExport(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { token } = parseInput("params", apiRoutes.getExport.params, request.params);
    const grant = readDownloadToken(context.linkSigningKey, token, new Date());
    if (!grant) throw new ApiError(401, "invalid_download_link", "the download link is invalid or has expired");
    const standing = await actorStanding(context.db, grant.actor, new Date());
    const role = roleSchema.safeParse(standing?.role);
    if (!role.success || !roleAllows(role.data, "exports:download")) {
      throw new ApiError(401, "invalid_download_link", "the download link's issuer may no longer download (token revoked or account disabled)");
    }
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
