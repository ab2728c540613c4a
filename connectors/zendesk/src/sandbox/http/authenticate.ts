import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendUnauthorised } from "./zendesk-error";

/**
 * vendor-apis.md §2.1: `Basic base64("{email}/token:{api_token}")` with the e-mail of an agent or
 * admin of the account, or `Bearer {oauth_access_token}`. Anything else: 401
 * `{"error":"Couldn't authenticate you"}`. Password basic auth is refused (deprecated).
 */
export function authenticate(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    if (isAuthorised(state, req.get("authorization") ?? "")) {
      next();
      return;
    }
    state.stats.refuse();
    sendUnauthorised(res);
  };
}

function isAuthorised(state: SandboxState, header: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] === state.config.oauthAccessToken;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!basic?.[1]) return false;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const separator = decoded.lastIndexOf("/token:");
  if (separator < 0) return false;
  const email = decoded.slice(0, separator).toLowerCase();
  const token = decoded.slice(separator + "/token:".length);
  return token === state.config.apiToken && isStaff(state, email);
}

function isStaff(state: SandboxState, email: string): boolean {
  for (const identity of state.store.identities.values()) {
    if (identity.type !== "email" || identity.value.toLowerCase() !== email) continue;
    const user = state.store.users.get(identity.user_id);
    if (user?.active && user.row.role !== "end-user") return true;
  }
  return false;
}
