import { signOut } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import { clearSessionCookie } from "../auth/session-cookie";
import type { ApiContext } from "../dependencies";

/** `POST /api/v1/auth/logout`: the session row is deleted, so the cookie is useless even if kept. */
export function postLogout(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const caller = callerOf(response);
    if (caller.sessionIdHash) await signOut(context.db, caller.sessionIdHash);
    clearSessionCookie(response, { secure: context.secureCookies });
    response.status(204).end();
  };
}
