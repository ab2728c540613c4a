import { listRequestAuditLog as listSealedRequestAuditLog, type AuditRecord, type DrizzleDatabase } from "@lethe/db";
import { sealAuditLog } from "./seal-audit-log";

/** One request's audit entries in chain order, sealing first so that the latest writes are included. */
export async function listRequestAuditLog(db: DrizzleDatabase, requestId: string): Promise<AuditRecord[]> {
  await sealAuditLog(db);
  return listSealedRequestAuditLog(db, requestId);
}
