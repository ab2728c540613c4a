import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { byCreation, noteJson } from "./vendor-json";

/**
 * `GET /api/people/:id/notes?limit=&cursor=`: the person's active notes, oldest first.
 * 404 once the person is deleted, although their notes remain: a client that deletes the person
 * first can no longer list what it still has to delete.
 */
export function getPersonNotes(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.store.person(req.params.id)) {
      sendVendorError(res, 404, "not_found", "No such person.");
      return;
    }
    sendPage(req, res, state.store.notesOf(req.params.id), byCreation, noteJson);
  };
}
