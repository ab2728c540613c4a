import type { Database } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";

/** Audits one download of a request's export bundle (`export.downloaded`, with the bundle's SHA-256). */
export async function recordExportDownload(
  database: Database,
  input: { requestId: string; sha256: string | null; actor: string },
): Promise<void> {
  await database.db.transaction((tx) =>
    appendAudit(tx, { actor: input.actor, action: "export.downloaded", requestId: input.requestId, payload: { sha256: input.sha256 } }),
  );
}
