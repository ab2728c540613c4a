import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError } from "./vendor-error";

/** `Authorization: Bearer <token>`; anything else is a 401 with the vendor's error envelope. */
export function authenticate(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    if (match?.[1] === state.config.apiToken) {
      next();
      return;
    }
    state.stats.refuse();
    res.set("WWW-Authenticate", 'Bearer realm="reference-crm"');
    sendVendorError(
      res,
      401,
      "unauthorized",
      match ? "The API token is not valid." : "Send an API token as `Authorization: Bearer <token>`.",
    );
  };
}
