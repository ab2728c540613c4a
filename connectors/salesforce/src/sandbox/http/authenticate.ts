import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendSalesforceError } from "./salesforce-error";

/** `Authorization: Bearer <access token>` of a live session; otherwise 401 INVALID_SESSION_ID. */
export function authenticate(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
    const session = token === undefined ? undefined : state.sessions.get(token);
    if (!session || session.expiresAt <= state.clock.now().getTime()) {
      state.stats.refuse();
      sendSalesforceError(res, 401, "INVALID_SESSION_ID", "Session expired or invalid");
      return;
    }
    next();
  };
}
