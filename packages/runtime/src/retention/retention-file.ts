import type { RetentionFile } from "@lethe/contracts";
import { deleteFileSchedulesExcept, getRetentionScheduleByName } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { auditTerms, createRetentionSchedule, updateRetentionSchedule, type RetentionAdmin } from "./retention-schedules";

export interface RetentionFileSync {
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Makes the stored schedules match the checked-in `lethe.retention.json` (already parsed with
 * `retentionFileSchema`): the file wins. A schedule it names is created or replaced and marked
 * `file` (read-only in the console and API), even one first made in the console under that name;
 * a file schedule it no longer names is deleted. Changed terms still wait for approval — checking
 * a file in approves nothing. Each definition is checked as the API checks one; the first that
 * cannot run (unknown instance, record type) stops the sync with its error.
 */
export async function syncRetentionFile(admin: RetentionAdmin, file: RetentionFile, actor: string): Promise<RetentionFileSync> {
  const sync: RetentionFileSync = { created: [], updated: [], unchanged: [], removed: [] };
  for (const definition of file.schedules) {
    const existing = await getRetentionScheduleByName(admin.database.db, definition.name);
    if (!existing) {
      await createRetentionSchedule(admin, definition, { actor, source: "file" });
      sync.created.push(definition.name);
      continue;
    }
    const updated = await updateRetentionSchedule(admin, existing.id, definition, { actor, fromFile: true });
    if (existing.source !== "file") {
      await appendAudit(admin.database.db, { actor, action: "retention.schedule_taken_by_file", payload: auditTerms(updated) });
    }
    (updated.fingerprint === existing.fingerprint && existing.source === "file" ? sync.unchanged : sync.updated).push(definition.name);
  }
  const removed = await admin.database.db.transaction(async (tx) => {
    const rows = await deleteFileSchedulesExcept(tx, file.schedules.map((schedule) => schedule.name));
    for (const row of rows) await appendAudit(tx, { actor, action: "retention.schedule_deleted", payload: auditTerms(row) });
    return rows;
  });
  sync.removed.push(...removed.map((row) => row.name));
  return sync;
}
