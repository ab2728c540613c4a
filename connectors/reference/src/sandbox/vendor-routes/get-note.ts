import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { noteJson } from "./vendor-json";

/** `GET /api/notes/:id`. */
export function getNote(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const note = state.store.note(req.params.id);
    if (!note) {
      sendVendorError(res, 404, "not_found", "No such note.");
      return;
    }
    res.status(200).json(noteJson(note));
  };
}
