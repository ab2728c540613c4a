import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordType } from "../world/world";

/**
 * `DELETE /api/trash/{people|notes|attachments}/:id`: purges a trashed record for good (204);
 * 404 when the trash holds no such record (never deleted, or already purged).
 */
export function deleteTrashRecord(state: SandboxState, type: RecordType): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.store.purge(type, req.params.id)) {
      sendVendorError(res, 404, "not_found", `No such ${type} in the trash.`);
      return;
    }
    state.stats.purged(type, req.params.id);
    res.status(204).end();
  };
}
