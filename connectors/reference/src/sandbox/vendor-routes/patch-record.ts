import type { RequestHandler } from "express";
import { readPatch } from "../http/patch-body";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordType } from "../world/world";
import { recordJson } from "./vendor-json";

/**
 * `PATCH /api/{people|notes|attachments|calls}/:id`: updates an active record and answers it
 * (200). A body that fails validation changes nothing (400 with `error.fields`); a record that
 * is not active is 404, trashed ones included.
 */
export function patchRecord(state: SandboxState, type: RecordType): RequestHandler<{ id: string }> {
  return (req, res) => {
    const read = readPatch(type, req.body);
    if ("errors" in read) {
      sendVendorError(res, 400, "invalid_request", "The update is not valid; see error.fields.", read.errors);
      return;
    }
    const record = state.store.update(type, req.params.id, read.patch.changes, read.patch.restricted);
    if (!record) {
      sendVendorError(res, 404, "not_found", `No such ${type}.`);
      return;
    }
    res.status(200).json(recordJson(record));
  };
}
