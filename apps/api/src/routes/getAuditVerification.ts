import type { AuditVerification } from "@lethe/contracts";
import { verifyAuditLog } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";

/** `GET /api/v1/audit/verification`: re-hashes the whole chain (page by page, flat memory). */
export function getAuditVerification(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const result = await verifyAuditLog(context.db);
    const body: AuditVerification = result.ok
      ? { ok: true, count: result.count, headHash: result.headHash }
      : { ok: false, seq: result.seq, reason: result.reason };
    response.json(body);
  };
}
