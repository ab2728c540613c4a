import { verifyAuditChain, type AuditChainAnchor, type AuditChainVerification } from "@lethe/core";
import { readAuditLog, type Database } from "@lethe/db";
import { sealAuditLog } from "./audit/seal-audit-log";

export type AuditLogVerification =
  | { ok: true; count: number; headHash: string }
  | Extract<AuditChainVerification, { ok: false }>;

const pageSize = 1_000;

/**
 * Re-hashes the whole audit chain from the database, a page at a time (memory stays flat), and
 * says where it first breaks: a changed, removed or inserted row is found by core's
 * `verifyAuditChain`. Entries committed but not yet sealed are sealed first, so the chain checked
 * (and its count and head) includes everything written before the call.
 */
export async function verifyAuditLog(database: Database): Promise<AuditLogVerification> {
  await sealAuditLog(database.db);
  let anchor: AuditChainAnchor | undefined;
  let count = 0;
  let headHash: string | undefined;
  for (;;) {
    const page = await readAuditLog(database.db, { fromSeq: anchor ? anchor.seq + 1 : undefined, limit: pageSize });
    if (page.length === 0 && anchor) break;
    const result = verifyAuditChain(page, anchor);
    if (!result.ok) return result;
    count += result.count;
    headHash = result.headHash;
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    anchor = { seq: last.seq, hash: last.hash };
  }
  return { ok: true, count, headHash: headHash ?? "" };
}
