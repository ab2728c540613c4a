import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { attachmentJson, byCreation } from "./vendor-json";

/** `GET /api/people/:id/attachments?limit=&cursor=`: metadata only; bytes come from `/content`. */
export function getPersonAttachments(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.store.person(req.params.id)) {
      sendVendorError(res, 404, "not_found", "No such person.");
      return;
    }
    sendPage(req, res, state.store.attachmentsOf(req.params.id), byCreation, attachmentJson);
  };
}
