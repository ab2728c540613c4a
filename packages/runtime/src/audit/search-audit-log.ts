import { listAuditActions, searchAuditLog, type AuditLogEntry, type AuditLogFilter, type DrizzleDatabase } from "@lethe/db";
import { sealAuditLog } from "./seal-audit-log";

/**
 * A page of the audit log for people to read, sealing first so that the latest writes show with
 * their place in the chain; an entry committed after the seal is listed unsealed (no `seq` yet).
 */
export async function searchAuditEntries(
  db: DrizzleDatabase,
  filter: AuditLogFilter,
): Promise<{ entries: AuditLogEntry[]; hasMore: boolean; actions: string[] }> {
  await sealAuditLog(db);
  const [page, actions] = await Promise.all([searchAuditLog(db, filter), listAuditActions(db)]);
  return { ...page, actions };
}
