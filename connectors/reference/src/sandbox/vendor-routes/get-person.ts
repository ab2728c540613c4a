import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { personJson } from "./vendor-json";

/** `GET /api/people/:id`: an active person; a trashed one is 404 like a missing one. */
export function getPerson(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const person = state.store.person(req.params.id);
    if (!person) {
      sendVendorError(res, 404, "not_found", "No such person.");
      return;
    }
    res.status(200).json(personJson(person));
  };
}
