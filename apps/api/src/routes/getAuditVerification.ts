import type { AuditVerification } from "@lethe/contracts";
import { verifyAuditLog, verifyAuditTrail } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";

/**
 * `GET /api/v1/audit/verification`: re-hashes the whole chain (page by page, flat memory) and,
 * with `auditCheckpoints` configured, measures it against the latest signed checkpoint.
 */
export function getAuditVerification(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    if (context.auditCheckpoints) {
      const result = await verifyAuditTrail(context.db, context.auditCheckpoints);
      const body: AuditVerification = result.ok
        ? { ok: true, count: result.count, headHash: result.headHash, checkpoint: result.checkpoint }
        : { ok: false, seq: result.seq, reason: result.reason, message: result.message };
      response.json(body);
      return;
    }
    const result = await verifyAuditLog(context.db);
    const body: AuditVerification = result.ok
      ? { ok: true, count: result.count, headHash: result.headHash }
      : { ok: false, seq: result.seq, reason: result.reason };
    response.json(body);
  };
}
