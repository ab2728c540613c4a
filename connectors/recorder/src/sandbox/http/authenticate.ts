import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError } from "./vendor-error";

/** `Authorization: Bearer <access token>` from POST /oauth/token, not expired on the sandbox clock. */
export function authenticate(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
    const expiresAt = token === undefined ? undefined : state.tokens.get(token);
    if (expiresAt !== undefined && expiresAt > state.clock.now().getTime()) {
      next();
      return;
    }
    state.stats.refuse();
    res.set("WWW-Authenticate", 'Bearer realm="recorder"');
    const message = expiresAt !== undefined ? "The access token has expired." : "Send an access token as `Authorization: Bearer <token>`.";
    sendVendorError(res, 401, expiresAt !== undefined ? "authentication.token.expired" : "authentication.required", message);
  };
}
