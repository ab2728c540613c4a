import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { attachmentJson } from "./vendor-json";

/** `GET /api/attachments/:id`: metadata (file name, content type, size). */
export function getAttachment(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const attachment = state.store.attachment(req.params.id);
    if (!attachment) {
      sendVendorError(res, 404, "not_found", "No such attachment.");
      return;
    }
    res.status(200).json(attachmentJson(attachment));
  };
}
