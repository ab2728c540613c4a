import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";

/** `GET /api/attachments/:id/content`: the file's bytes with its content type and length. */
export function getAttachmentContent(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const attachment = state.store.attachment(req.params.id);
    if (!attachment) {
      sendVendorError(res, 404, "not_found", "No such attachment.");
      return;
    }
    res.status(200).type(attachment.contentType).send(Buffer.from(attachment.bytes));
  };
}
