import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { callJson } from "./vendor-json";

/** `GET /api/calls/:id`. */
export function getCall(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const call = state.store.call(req.params.id);
    if (!call) {
      sendVendorError(res, 404, "not_found", "No such call.");
      return;
    }
    res.status(200).json(callJson(call));
  };
}
