import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { byCreation, callJson } from "./vendor-json";

/**
 * `GET /api/people/:id/calls?limit=&cursor=`: the person's logged calls, oldest first; 404 once
 * the person is deleted, like their notes.
 */
export function getPersonCalls(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.store.person(req.params.id)) {
      sendVendorError(res, 404, "not_found", "No such person.");
      return;
    }
    sendPage(req, res, state.store.callsOf(req.params.id), byCreation, callJson);
  };
}
