import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordType } from "../world/world";

/**
 * `DELETE /api/people/:id`, `/api/notes/:id`, `/api/attachments/:id`: moves the record to the
 * trash (204). Its data stays there until purged or until 30 days pass. Deleting a person leaves
 * their notes and attachments where they are.
 */
export function deleteRecord(state: SandboxState, type: RecordType): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.store.softDelete(type, req.params.id, state.clock.now())) {
      sendVendorError(res, 404, "not_found", `No such ${type}.`);
      return;
    }
    res.status(204).end();
  };
}
